"""The framework's floor: one Django view with no database, served like Mejabantu."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="bench-floor-only",  # noqa: S106
    MIDDLEWARE=[],
)


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("", bare)]
application = get_wsgi_application()
