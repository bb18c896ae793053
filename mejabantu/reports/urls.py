from django.urls import path

from mejabantu.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report, name="report"),
    path("tiket.csv", views.tickets_csv, name="tickets_csv"),
    path("laporan.xlsx", views.figures_xlsx, name="figures_xlsx"),
]
