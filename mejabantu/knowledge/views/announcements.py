"""Announcement pages: the public list, page and files; staff writing and publishing them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mejabantu.knowledge import selectors, services
from mejabantu.knowledge.forms import AnnouncementForm
from mejabantu.knowledge.views.common import staff_required

# --- public ----------------------------------------------------------------------------


def announcement_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "knowledge/announcements.html",
        {
            "announcements": selectors.announcements_published(),
            "can_manage": user.is_authenticated and user.is_staff_member,
        },
    )


def announcement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = selectors.announcement_published_get(slug=slug)
    return render(request, "knowledge/announcement.html", {"announcement": item})


@require_GET
def announcement_attachment(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    attachment = selectors.announcement_attachment_published_get(slug=slug, pk=pk)
    return _download(attachment)


def _download(attachment) -> FileResponse:
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


# --- staff of the office ---------------------------------------------------------------


@login_required
@require_GET
def announcement_manage(request: HttpRequest) -> HttpResponse:
    """The office's announcements, drafts included, with publish and unpublish buttons."""
    staff_required(request)
    return render(
        request,
        "knowledge/announcement_manage.html",
        {"announcements": selectors.announcements_for_staff(user=request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def announcement_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Write a new announcement or change one; files are checked by content before saving."""
    staff_required(request)
    announcement = None
    if pk is not None:
        announcement = selectors.announcement_for_staff_get(user=request.user, pk=pk)
    elif not request.user.office_id:
        raise Http404  # an announcement belongs to an office
    form = AnnouncementForm(request.POST or None, request.FILES or None, instance=announcement)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {f: data[f] for f in AnnouncementForm.Meta.fields}
        try:
            if announcement is None:
                announcement = services.announcement_create(
                    office=request.user.office,
                    uploads=data["attachments"],
                    user=request.user,
                    **fields,
                )
            else:
                services.announcement_update(
                    announcement=announcement,
                    uploads=data["attachments"],
                    user=request.user,
                    **fields,
                )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if announcement.published:
                messages.success(request, _("Announcement saved and published."))
            else:
                messages.success(
                    request, _("Announcement saved as a draft: the public does not see it.")
                )
            return redirect("knowledge:announcement_edit", pk=announcement.pk)
    return render(
        request,
        "knowledge/announcement_form.html",
        {
            "form": form,
            "announcement": announcement,
            "attachments": list(announcement.attachments.all()) if announcement else [],
        },
    )


def _add_errors(form: AnnouncementForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
    if form.has_error("attachments"):
        form.add_error(
            None,
            _(
                "Nothing was saved. Remove or replace the files named below and choose the "
                "files again; what you typed is kept."
            ),
        )


@login_required
@require_POST
def announcement_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish (``published=1``) or take back to a draft (``published=0``)."""
    staff_required(request)
    announcement = selectors.announcement_for_staff_get(user=request.user, pk=pk)
    published = request.POST.get("published") == "1"
    services.announcement_set_published(
        announcement=announcement, published=published, user=request.user
    )
    if published:
        messages.success(request, _("The announcement is published."))
    else:
        messages.success(
            request, _("The announcement is a draft again: the public no longer sees it.")
        )
    return redirect("knowledge:announcement_manage")


@login_required
@require_GET
def announcement_staff_attachment(request: HttpRequest, pk: int, attachment: int) -> FileResponse:
    """Staff download a file of their office's announcement, drafts included."""
    staff_required(request)
    item = selectors.announcement_attachment_for_staff_get(
        user=request.user, announcement_pk=pk, pk=attachment
    )
    return _download(item)


@login_required
@require_POST
def announcement_attachment_remove(request: HttpRequest, pk: int, attachment: int) -> HttpResponse:
    staff_required(request)
    item = selectors.announcement_attachment_for_staff_get(
        user=request.user, announcement_pk=pk, pk=attachment
    )
    services.announcement_attachment_remove(attachment=item, user=request.user)
    messages.success(request, _("The file %(name)s was removed.") % {"name": item.name})
    return redirect("knowledge:announcement_edit", pk=pk)
