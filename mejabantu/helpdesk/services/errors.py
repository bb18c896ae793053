from django.core.exceptions import PermissionDenied, ValidationError


class HelpdeskError(ValidationError):
    """Input a user can correct; the message says how."""


class ConflictError(Exception):
    """Somebody else saved the ticket first; nothing was overwritten."""

    def __init__(self, message: str, *, current_version: int):
        super().__init__(message)
        self.message = message
        self.current_version = current_version


__all__ = ["ConflictError", "HelpdeskError", "PermissionDenied"]
