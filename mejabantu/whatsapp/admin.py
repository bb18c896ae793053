from django.contrib import admin

from mejabantu.whatsapp.models import IncomingMessage, OutgoingMessage, WebhookEvent


@admin.register(OutgoingMessage)
class OutgoingMessageAdmin(admin.ModelAdmin):
    """The outbox, to see what failed and why; the worker does the sending."""

    list_display = ["created_at", "account", "to", "state", "sent_as", "delivery", "attempts"]
    list_filter = ["state", "delivery", "account"]
    search_fields = ["=to", "=topic", "=wamid"]
    readonly_fields = ["created_at", "sent_at", "claimed_at", "last_error", "wamid"]
    show_full_result_count = False


@admin.register(IncomingMessage)
class IncomingMessageAdmin(admin.ModelAdmin):
    """The messages received, and what became of each."""

    list_display = ["received_at", "account", "sender", "kind", "outcome", "topic"]
    list_filter = ["outcome", "kind", "account"]
    search_fields = ["=sender", "=topic", "=wamid"]
    readonly_fields = ["received_at", "wamid", "outcome", "note", "topic"]
    show_full_result_count = False


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    """Webhook deliveries as received; a failed one names why."""

    list_display = ["received_at", "account", "state", "attempts"]
    list_filter = ["state", "account"]
    readonly_fields = ["received_at", "body", "last_error"]
    show_full_result_count = False
