from django.contrib import admin

from mejabantu.offices.models import Office, Region


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
