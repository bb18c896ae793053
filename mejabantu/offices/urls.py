from django.urls import path

from mejabantu.offices import views

app_name = "offices"
urlpatterns = [
    path("<str:code>/", views.office_detail, name="detail"),
    path("<str:code>/jam-layanan/", views.hours_manage, name="hours"),
    path("<str:code>/jam-layanan/penutupan/", views.closure_add, name="closure_add"),
    path(
        "<str:code>/jam-layanan/penutupan/<int:pk>/hapus/",
        views.closure_remove,
        name="closure_remove",
    ),
    path("<str:code>/jam-layanan/hari-khusus/", views.special_day_add, name="special_day_add"),
    path(
        "<str:code>/jam-layanan/hari-khusus/<int:pk>/hapus/",
        views.special_day_remove,
        name="special_day_remove",
    ),
    path("<str:code>/jam-layanan/jam-berjangka/", views.dated_hours_add, name="dated_hours_add"),
    path(
        "<str:code>/jam-layanan/jam-berjangka/<int:pk>/hapus/",
        views.dated_hours_remove,
        name="dated_hours_remove",
    ),
    path("<str:code>/sla/", views.sla_manage, name="sla"),
    path("<str:code>/sla/<int:pk>/hapus/", views.sla_remove, name="sla_remove"),
]
