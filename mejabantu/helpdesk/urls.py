from django.urls import path

from mejabantu.helpdesk import views

app_name = "helpdesk"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("saya/", views.my_tickets, name="my_tickets"),
    path("tanya/", views.ask, name="ask"),
    path("catat/", views.log_contact, name="log_contact"),
    path("pengaturan/", views.office_settings, name="settings"),
    path("kantor/<str:code>/tanya/", views.public_ask, name="public_ask"),
    path("kantor/<str:code>/meja/", views.desks, name="desks"),
    path("ikuti/<str:token>/", views.public_thread, name="public_thread"),
    path("ikuti/<str:token>/lampiran/<int:pk>/", views.public_attachment, name="public_attachment"),
    path("lampiran/<int:pk>/", views.attachment, name="attachment"),
    path("juknis/<int:pk>/", views.guidance_detail, name="guidance"),
    path("juknis/<int:pk>/kemajuan/", views.guidance_progress, name="guidance_progress"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/jam/", views.clocks, name="clocks"),
    path("<str:reference>/serupa/", views.ticket_similar, name="similar"),
    path("<str:reference>/juknis/", views.ticket_guidance, name="ticket_guidance"),
    path("<str:reference>/balas/", views.reply, name="reply"),
    path("<str:reference>/ubah/", views.update, name="update"),
    path("<str:reference>/ambil/", views.take, name="take"),
    path("<str:reference>/gabung/", views.merge, name="merge"),
    path("<str:reference>/nilai/", views.rate, name="rate"),
    path("<str:reference>/teruskan/", views.hand_on, name="hand_on"),
    path("<str:reference>/kembalikan/", views.hand_back, name="hand_back"),
    path("<str:reference>/kantor-tujuan/", views.office_search, name="office_search"),
]
