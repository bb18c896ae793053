from django.contrib import admin

from mejabantu.schedule.models import (
    Appointment,
    CalendarFeed,
    Event,
    QueueNumber,
    SlotSettings,
    Stage,
)


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "office", "starts_on", "ends_on", "confirmed")
    list_filter = ("election", "confirmed", "office")


@admin.register(SlotSettings)
class SlotSettingsAdmin(admin.ModelAdmin):
    list_display = ("office", "slot_minutes", "capacity", "horizon_days", "min_notice_minutes")


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ("slot", "place", "organisation", "status", "ticket")
    list_filter = ("status", "slot__kind", "office")
    raw_id_fields = ("slot", "ticket", "booked_by", "confirmed_by")


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "office", "starts_at", "location")
    list_filter = ("kind", "office")
    filter_horizontal = ("invited",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ("office", "organisation", "created_by", "created_at", "revoked_at")
    readonly_fields = ("digest",)


@admin.register(QueueNumber)
class QueueNumberAdmin(admin.ModelAdmin):
    list_display = ("label", "office", "day", "status", "visitor_name", "ticket")
    list_filter = ("office", "day", "service", "status")
