from django.urls import path

from mejabantu.candidacy import views

app_name = "candidacy"
urlpatterns = [
    path("", views.index, name="index"),
    path("koalisi/", views.coalition, name="coalition"),
    path("calon/", views.candidate, name="candidate"),
    path("perseorangan/", views.independent, name="independent"),
    path("dokumen/", views.documents, name="documents"),
    path("pendaftaran/", views.registrations, name="registrations"),
    path("pendaftaran/baru/", views.registration_new, name="registration_new"),
    path("pendaftaran/<str:number>/", views.registration_detail, name="registration_detail"),
    path(
        "pendaftaran/<str:number>/dokumen/<int:pk>/",
        views.registration_document,
        name="registration_document",
    ),
    path(
        "pendaftaran/<str:number>/periksa/", views.registration_recheck, name="registration_recheck"
    ),
    path(
        "pendaftaran/<str:number>/tanda-terima/",
        views.registration_receipt,
        name="registration_receipt",
    ),
    path("aturan/", views.rulesets, name="rulesets"),
    path("aturan/<slug:code>/", views.ruleset_detail, name="ruleset_detail"),
    path("aturan/<slug:code>/salin/", views.ruleset_copy, name="ruleset_copy"),
    path("aturan/<slug:code>/ubah/", views.ruleset_edit, name="ruleset_edit"),
    path("aturan/<slug:code>/dampak/", views.ruleset_impact, name="ruleset_impact"),
    path("aturan/<slug:code>/terbitkan/", views.ruleset_publish, name="ruleset_publish"),
]
