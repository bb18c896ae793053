"""WhatsApp Business Cloud API: the webhook, the messages received and the outbox."""
