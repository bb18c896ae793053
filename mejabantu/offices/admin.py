from django.contrib import admin

from mejabantu.offices.models import (
    Closure,
    HoursChange,
    HoursOverride,
    Office,
    Region,
    ServiceHours,
    SlaPolicy,
    SpecialDay,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "timezone", "parent"]
    list_filter = ["level", "timezone"]
    search_fields = ["code", "name"]


@admin.register(ServiceHours)
class ServiceHoursAdmin(admin.ModelAdmin):
    list_display = ["office", "weekday", "start", "end"]
    list_filter = ["office", "weekday"]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["office", "date", "name", "kind", "start", "end"]
    list_filter = ["office", "kind"]
    date_hierarchy = "date"


@admin.register(SpecialDay)
class SpecialDayAdmin(admin.ModelAdmin):
    list_display = ["office", "date", "name", "hours", "confirmed"]
    list_filter = ["office"]


@admin.register(HoursOverride)
class HoursOverrideAdmin(admin.ModelAdmin):
    list_display = ["office", "name", "first_day", "last_day"]


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = [
        "office",
        "category_code",
        "priority",
        "first_response_minutes",
        "resolution_minutes",
        "warning_percent",
    ]
    list_filter = ["office", "priority"]


@admin.register(HoursChange)
class HoursChangeAdmin(admin.ModelAdmin):
    list_display = ["office", "at", "actor", "subject"]
    list_filter = ["office", "subject"]
    readonly_fields = ["office", "actor", "at", "subject", "before", "after"]
