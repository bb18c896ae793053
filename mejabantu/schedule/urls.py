from django.urls import path

from mejabantu.schedule.views import appointments, events, queue, timeline

app_name = "schedule"
urlpatterns = [
    path("", timeline.timeline, name="timeline"),
    path("konsultasi/", appointments.consultations, name="consultations"),
    path("konsultasi/pesan/", appointments.book, name="book"),
    path("janji/<int:pk>/", appointments.appointment, name="appointment"),
    path("janji/<int:pk>/pindah/", appointments.appointment_move, name="move"),
    path("janji/<int:pk>/batal/", appointments.appointment_cancel, name="cancel"),
    path("janji/<int:pk>/konfirmasi/", appointments.appointment_confirm, name="confirm"),
    path("pendaftaran/", appointments.registration, name="registration"),
    path("acara/<int:pk>/", events.event_detail, name="event"),
    path("acara/<int:pk>/hadir/", events.event_attendance, name="attendance"),
    path("acara/<int:pk>/materi/", events.event_material, name="material"),
    path("materi/<int:pk>/", events.material_download, name="material_download"),
    path("kalender/", events.feeds, name="feeds"),
    path("kalender/<str:token>.ics", events.feed_ics, name="feed_ics"),
    path("antrean/", queue.queue_console, name="queue"),
    path("antrean/ambil/", queue.queue_issue, name="queue_issue"),
    path("antrean/panggil/", queue.queue_call, name="queue_call"),
    path("antrean/<int:pk>/selesai/", queue.queue_serve, name="queue_serve"),
    path("<str:code>/layar/", queue.queue_display, name="display"),
    path("<str:code>/tahapan/<slug:stage>/", timeline.stage_edit, name="stage_edit"),
    path("<str:code>/", timeline.timeline, name="office_timeline"),
]
