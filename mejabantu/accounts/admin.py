from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from mejabantu.accounts.models import Organisation, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "email", "role", "office", "organisation", "is_active"]
    list_filter = ["role", "office", "is_active"]
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (
            _("Mejabantu"),
            {"fields": ["role", "office", "organisation", "phone", "on_duty", "is_demo_account"]},
        ),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "kind", "office"]
    list_filter = ["kind", "office"]
    search_fields = ["code", "name"]
