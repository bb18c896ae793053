from django.contrib import admin

from mejabantu.knowledge.models import (
    Announcement,
    AnnouncementAttachment,
    Answer,
    Article,
    PendingGuidance,
    Regulation,
)


@admin.register(Regulation)
class RegulationAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "number", "year", "status", "uncertain"]
    list_filter = ["kind", "status"]
    search_fields = ["code", "title"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["key", "status", "uncertain"]
    list_filter = ["status", "regulation"]
    search_fields = ["key", "text"]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    """Read-mostly: answers change through the knowledge pages, which keep versions."""

    list_display = ["question", "category", "state", "office", "version"]
    list_filter = ["state", "category", "office"]
    search_fields = ["question", "slug"]
    readonly_fields = ["version", "published_at", "state"]


class AttachmentInline(admin.TabularInline):
    model = AnnouncementAttachment
    extra = 1


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["title", "office", "held_on", "published"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AttachmentInline]


@admin.register(PendingGuidance)
class PendingGuidanceAdmin(admin.ModelAdmin):
    list_display = ["title", "office", "state", "created_at"]
    list_filter = ["state"]
