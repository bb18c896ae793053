from django.urls import path

from mejabantu.offices import views

app_name = "offices"
urlpatterns = [
    path("<str:code>/", views.office_detail, name="detail"),
]
