from django.contrib import admin

from mejabantu.mail.models import IncomingMail, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox, to see what failed and why; the worker does the sending."""

    list_display = ["created_at", "to", "subject", "state", "attempts", "topic"]
    list_filter = ["state"]
    search_fields = ["=to", "=topic"]
    readonly_fields = ["created_at", "sent_at", "claimed_at", "last_error"]
    show_full_result_count = False


@admin.register(IncomingMail)
class IncomingMailAdmin(admin.ModelAdmin):
    """The mails received, each kept as it came, and what became of it."""

    list_display = ["received_at", "mailbox", "sender", "subject", "outcome", "topic"]
    list_filter = ["outcome", "mailbox"]
    search_fields = ["=sender", "=topic", "=message_id"]
    readonly_fields = ["received_at", "message_id", "raw", "outcome", "note", "topic"]
    show_full_result_count = False
