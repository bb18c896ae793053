from django.contrib import admin

from mejabantu.mail.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox, to see what failed and why; the worker does the sending."""

    list_display = ["created_at", "to", "subject", "state", "attempts", "topic"]
    list_filter = ["state"]
    search_fields = ["=to", "=topic"]
    readonly_fields = ["created_at", "sent_at", "claimed_at", "last_error"]
    show_full_result_count = False
