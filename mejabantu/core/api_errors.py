"""The JSON API's own error sentences, translated in the request's language (core catalogue).

``mejabantu/api.py`` sits outside the apps, so its messages live here where
``make makemessages`` finds them.
"""

from django.utils.translation import gettext as _


def invalid_data(message: str) -> str:
    """Return the 422 detail naming what was wrong."""
    return _("Invalid data — %(message)s") % {"message": message}


def not_found() -> str:
    """Return the 404 detail; it does not tell a missing object from a forbidden one."""
    return _("Not found, or you may not see it.")


def unreadable_body() -> str:
    """Return the 400 detail for a body that is not JSON."""
    return _("The request body is not valid JSON. Send a JSON object and try again.")


def server_error() -> str:
    """Return the 500 detail; what went wrong is logged, not shown."""
    return _(
        "Something went wrong on our side; nothing was changed unless the reply says so. "
        "Try again in a moment, with the same Idempotency-Key for a new ticket."
    )


def sign_in_needed() -> str:
    """Return the 401 detail."""
    return _("Sign in first: send the header Authorization: Bearer <token>.")
