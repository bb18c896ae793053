"""Root URLs: every app under its own prefix; the JSON API under /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from mejabantu.api import api
from mejabantu.core import views as core_views
from mejabantu.offices import views as office_views

urlpatterns = [
    path("", office_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("akun/", include("mejabantu.accounts.urls")),
    path("kantor/", include("mejabantu.offices.urls")),
    path("tiket/", include("mejabantu.helpdesk.urls")),
    path("pengetahuan/", include("mejabantu.knowledge.urls")),
    path("pencalonan/", include("mejabantu.candidacy.urls")),
    path("jadwal/", include("mejabantu.schedule.urls")),
    path("laporan/", include("mejabantu.reports.urls")),
    path("whatsapp/", include("mejabantu.whatsapp.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "mejabantu.core.views.page_not_found"
handler500 = "mejabantu.core.views.server_error"
