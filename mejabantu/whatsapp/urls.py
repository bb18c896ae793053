from django.urls import path

from mejabantu.whatsapp import views

app_name = "whatsapp"
urlpatterns = [
    path("<str:code>/webhook/", views.webhook, name="webhook"),
]
