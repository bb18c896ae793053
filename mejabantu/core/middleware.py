"""Indonesian by default: the browser's Accept-Language is ignored; English is a choice the
user makes with the language switch (kept in the language cookie)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class IndonesianByDefaultMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
