"""The mail outbox: any app queues a notification here; the worker sends it."""
