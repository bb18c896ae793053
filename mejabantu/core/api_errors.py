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


def sign_in_needed() -> str:
    """Return the 401 detail."""
    return _("Sign in first: send the header Authorization: Bearer <token>.")
