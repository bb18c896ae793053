from django.urls import path

from mejabantu.knowledge import views
from mejabantu.knowledge.views import announcements

app_name = "knowledge"
urlpatterns = [
    path("", views.index, name="index"),
    path("saran/", views.suggest, name="suggest"),
    path("panel-petugas/", views.officer_panel, name="officer_panel"),
    path("jawaban/baru/", views.answer_edit, name="answer_create"),
    path("jawaban/<slug:slug>/", views.answer_detail, name="answer"),
    path("jawaban/<slug:slug>/versi/<int:number>/", views.answer_version, name="answer_version"),
    path("jawaban/<slug:slug>/membantu/", views.answer_helpful, name="answer_helpful"),
    path("jawaban/<slug:slug>/ubah/", views.answer_edit, name="answer_edit"),
    path("jawaban/<slug:slug>/terbitkan/", views.answer_publish, name="answer_publish"),
    path("peraturan/", views.regulation_list, name="regulations"),
    path("peraturan/<slug:code>/", views.regulation_detail, name="regulation"),
    path("pasal/<path:key>/", views.article_detail, name="article"),
    path("kelola/", views.manage, name="manage"),
    path("kelola/pencarian-kosong/", views.unanswered, name="unanswered"),
    path("menunggu-juknis/", views.pending_guidance, name="pending_guidance"),
    path("pengumuman/", announcements.announcement_list, name="announcements"),
    path("pengumuman/<slug:slug>/", announcements.announcement_detail, name="announcement"),
    path(
        "pengumuman/<slug:slug>/lampiran/<int:pk>/",
        announcements.announcement_attachment,
        name="announcement_attachment",
    ),
    path("kelola/pengumuman/", announcements.announcement_manage, name="announcement_manage"),
    path("kelola/pengumuman/baru/", announcements.announcement_edit, name="announcement_create"),
    path("kelola/pengumuman/<int:pk>/", announcements.announcement_edit, name="announcement_edit"),
    path(
        "kelola/pengumuman/<int:pk>/terbitkan/",
        announcements.announcement_publish,
        name="announcement_publish",
    ),
    path(
        "kelola/pengumuman/<int:pk>/lampiran/<int:attachment>/",
        announcements.announcement_staff_attachment,
        name="announcement_staff_attachment",
    ),
    path(
        "kelola/pengumuman/<int:pk>/lampiran/<int:attachment>/hapus/",
        announcements.announcement_attachment_remove,
        name="announcement_attachment_remove",
    ),
]
