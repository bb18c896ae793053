from django.urls import path

from mejabantu.helpdesk import views

app_name = "helpdesk"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("saya/", views.my_tickets, name="my_tickets"),
    path("tanya/", views.ask, name="ask"),
    path("kantor/<str:code>/tanya/", views.public_ask, name="public_ask"),
]
