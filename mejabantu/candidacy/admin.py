from django.contrib import admin

from mejabantu.candidacy.models import (
    Contest,
    Party,
    PartyResult,
    RegionStats,
    Registration,
    RegistrationDocument,
    RuleSet,
)


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "effective_date", "status", "superseded_by"]
    list_filter = ["status"]
    search_fields = ["code", "name", "legal_basis"]


@admin.register(RegionStats)
class RegionStatsAdmin(admin.ModelAdmin):
    list_display = ["region", "dpt_pemilu", "dpt_pilkada", "dprd_seats", "illustrative"]
    search_fields = ["region__code", "region__name"]


@admin.register(Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["ballot_number", "short_name", "name", "code"]


@admin.register(PartyResult)
class PartyResultAdmin(admin.ModelAdmin):
    list_display = ["region", "party", "votes", "seats", "illustrative"]
    list_filter = ["party"]
    search_fields = ["region__code"]


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ["region", "kind", "election_date", "determination_date"]


class RegistrationDocumentInline(admin.TabularInline):
    model = RegistrationDocument
    extra = 0
    fields = ["role", "document", "status", "note"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["number", "head_name", "deputy_name", "office", "is_rehearsal", "rule_set"]
    list_filter = ["office", "is_rehearsal", "route"]
    search_fields = ["number", "head_name", "deputy_name"]
    inlines = [RegistrationDocumentInline]
