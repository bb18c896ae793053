"""Candidacy pages: calculators (public), registration desk and rule sets (staff)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mejabantu.accounts import access
from mejabantu.candidacy import calculators, services
from mejabantu.candidacy.forms import (
    CandidateForm,
    CoalitionForm,
    IndependentForm,
    RegistrationForm,
    RuleSetCopyForm,
    RuleSetForm,
)
from mejabantu.candidacy.impact import impact_preview
from mejabantu.candidacy.models import Registration, RegistrationDocument, RuleSet
from mejabantu.candidacy.rules.documents import checklist
from mejabantu.candidacy.selectors import (
    region_figures,
    registration_get,
    registrations_visible_to,
    rule_set_current,
    rule_set_get,
    rule_sets_published,
    rule_sets_visible_to,
)


def _template(request: HttpRequest, name: str, fragment: str) -> str:
    return f"{name}#{fragment}" if request.headers.get("HX-Request") else name


def _apply_input_error(form, exc: calculators.InputError) -> None:
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


def index(request: HttpRequest) -> HttpResponse:
    """The candidacy corner: calculators, checklist, the rule set in force."""
    return render(request, "candidacy/index.html", {"current": rule_set_current()})


def coalition(request: HttpRequest) -> HttpResponse:
    """Coalition calculator: pick parties, see share, requirement, verdict, who completes it."""
    data = request.GET if "region" in request.GET else None
    region_code = (data.get("region") if data else None) or "19.02"
    figures = region_figures(code=region_code)
    party_choices = [(p.code, p.name) for p in figures.results] if figures else []
    form = CoalitionForm(data, party_choices=party_choices, initial={"region": region_code})
    result = None
    if form.is_bound and form.is_valid() and figures is not None:
        contest = {"provinsi": "gubernur", "kabupaten": "bupati", "kota": "walikota"}[figures.level]
        try:
            result = calculators.threshold(
                region=region_code,
                contest=contest,
                parties=form.cleaned_data["parties"],
                rule_set=form.cleaned_data.get("rule_set") or None,
            )
            result["helpers"] = result["_helpers"]
        except calculators.InputError as exc:
            if exc.field != "parties":
                _apply_input_error(form, exc)
    context = {"form": form, "figures": figures, "result": result}
    return render(request, _template(request, "candidacy/coalition.html", "result"), context)


def candidate(request: HttpRequest) -> HttpResponse:
    """Candidate check: age at the reference date, education, terms, the documents."""
    form = CandidateForm(request.GET if "position" in request.GET else None)
    result = None
    if form.is_bound and form.is_valid():
        cd = form.cleaned_data
        try:
            result = calculators.eligibility(
                position=cd["position"],
                birth_date=cd["birth_date"],
                education=cd["education"] or None,
                terms_served=cd["terms_served"],
                is_acting_head=cd["is_acting_head"],
                rule_set=cd.get("rule_set") or None,
            )
        except calculators.InputError as exc:
            _apply_input_error(form, exc)
    return render(
        request,
        _template(request, "candidacy/candidate.html", "result"),
        {"form": form, "result": result},
    )


def independent(request: HttpRequest) -> HttpResponse:
    """Independent-support calculator: minimum supporters and spread."""
    bound = any(k in request.GET for k in ("region", "dpt"))
    form = IndependentForm(request.GET if bound else None, initial={"region": "19.02"})
    result = None
    if form.is_bound and form.is_valid():
        cd = form.cleaned_data
        try:
            result = calculators.independent_support(
                region=cd["region"] or None,
                level=cd["level"] or None,
                dpt=cd["dpt"],
                sub_regions=cd["sub_regions"],
                supporters=cd["supporters"],
                sub_regions_reached=cd["sub_regions_reached"],
                rule_set=cd.get("rule_set") or None,
            )
        except calculators.InputError as exc:
            _apply_input_error(form, exc)
    return render(
        request,
        _template(request, "candidacy/independent.html", "result"),
        {"form": form, "result": result},
    )


def documents(request: HttpRequest) -> HttpResponse:
    """The document checklist by route, for the pair, the head and the deputy."""
    route = request.GET.get("route", "party")
    if route not in ("party", "independent"):
        route = "party"
    sections = [
        (_("Documents of the pair and its proposers"), checklist(route, "pair")),
        (_("Documents of the head candidate"), checklist(route, "head")),
        (_("Documents of the deputy candidate"), checklist(route, "deputy")),
    ]
    return render(request, "candidacy/documents.html", {"route": route, "sections": sections})


# --- registration desk ---------------------------------------------------------------


@login_required
def registrations(request: HttpRequest) -> HttpResponse:
    """Registrations the user may see; rehearsals are marked and kept apart."""
    qs = registrations_visible_to(request.user)
    return render(
        request,
        "candidacy/registrations.html",
        {
            "registrations": [r for r in qs if not r.is_rehearsal],
            "rehearsals": [r for r in qs if r.is_rehearsal],
            "can_register": request.user.is_staff_member and request.user.office_id,
        },
    )


@login_required
def registration_new(request: HttpRequest) -> HttpResponse:
    """Officers record a pair's registration at their own office."""
    user = request.user
    if not user.is_staff_member or user.office is None:
        raise Http404
    form = RegistrationForm(request.POST or None, office=user.office)
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        try:
            registration = services.registration_create(
                user=user,
                contest=cd["contest"],
                route=cd["route"],
                organisation=cd["organisation"],
                parties=list(cd["parties"]) if cd["route"] == "party" else [],
                head_name=cd["head_name"],
                deputy_name=cd["deputy_name"],
                head_birth_date=cd["head_birth_date"],
                deputy_birth_date=cd["deputy_birth_date"],
                head_education=cd["head_education"],
                deputy_education=cd["deputy_education"],
                head_terms_served=cd["head_terms_served"],
                deputy_terms_served=cd["deputy_terms_served"],
                is_rehearsal=cd["is_rehearsal"],
                remarks=cd["remarks"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Registration recorded. Mark the documents received."))
            return redirect(registration)
    return render(request, "candidacy/registration_form.html", {"form": form})


def _staff_of(user, registration: Registration) -> bool:
    return access.is_office_staff(user, registration.office_id)


@login_required
def registration_detail(request: HttpRequest, number: str) -> HttpResponse:
    """A registration: its verdicts (with the rule set), documents and remarks."""
    registration = registration_get(user=request.user, number=number)
    docs = list(registration.documents.all())
    return render(
        request,
        "candidacy/registration_detail.html",
        {
            "registration": registration,
            "documents": docs,
            "can_edit": _staff_of(request.user, registration),
            "statuses": RegistrationDocument.Status.choices,
            "rule_sets": rule_sets_published(),
        },
    )


@login_required
@require_POST
def registration_document(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    """Set one document's status (htmx swaps the row; a plain POST redirects back)."""
    registration = registration_get(user=request.user, number=number)
    document = get_object_or_404(registration.documents, pk=pk)
    try:
        services.registration_document_set(
            user=request.user,
            document=document,
            status=request.POST.get("status", ""),
            note=request.POST.get("note", "")[:250],
        )
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.headers.get("HX-Request"):
        return render(
            request,
            "candidacy/registration_detail.html#document-row",
            {
                "registration": registration,
                "doc": document,
                "can_edit": True,
                "statuses": RegistrationDocument.Status.choices,
            },
        )
    return redirect(registration)


@login_required
@require_POST
def registration_recheck(request: HttpRequest, number: str) -> HttpResponse:
    """Run the checks again (after new data) under the chosen or the registration-day rules."""
    registration = registration_get(user=request.user, number=number)
    if not _staff_of(request.user, registration):
        raise Http404
    code = request.POST.get("rule_set") or ""
    rule_set = rule_sets_published().filter(code=code).first()
    services.registration_check(registration=registration, rule_set=rule_set)
    if "remarks" in request.POST:
        services.registration_update_remarks(
            user=request.user, registration=registration, remarks=request.POST["remarks"]
        )
    messages.success(request, _("The checks were run again."))
    return redirect(registration)


@login_required
def registration_receipt(request: HttpRequest, number: str) -> HttpResponse:
    """The printable receipt (tanda terima) of the documents handed in."""
    registration = registration_get(user=request.user, number=number)
    docs = [
        d
        for d in registration.documents.all()
        if d.status
        in (RegistrationDocument.Status.RECEIVED, RegistrationDocument.Status.INCOMPLETE)
    ]
    return render(
        request, "candidacy/receipt.html", {"registration": registration, "documents": docs}
    )


# --- rule sets -----------------------------------------------------------------------


def _may_edit(user, rule_set: RuleSet) -> bool:
    return access.may_edit_rule_set(
        user, published=rule_set.is_published, office=rule_set.office_id
    )


def rulesets(request: HttpRequest) -> HttpResponse:
    """Every published rule set with its legal basis, effective date and what superseded it,
    and the drafts the user may see (their office's, or all for KPU RI)."""
    return render(
        request,
        "candidacy/rulesets.html",
        {
            "rule_sets": rule_sets_visible_to(request.user),
            "current": rule_set_current(),
            "manager": access.may_draft_rule_set(request.user),
        },
    )


def ruleset_detail(request: HttpRequest, code: str) -> HttpResponse:
    rule_set = rule_set_get(user=request.user, code=code)
    return render(
        request,
        "candidacy/ruleset_detail.html",
        {
            "rule_set": rule_set,
            "data": rule_set.as_data(),
            "manager": access.may_draft_rule_set(request.user),
            "may_edit": _may_edit(request.user, rule_set),
            "may_publish": not rule_set.is_published and access.may_publish_rule_set(request.user),
            "copy_form": RuleSetCopyForm(
                initial={
                    # a code: the same in every language; ?kode= and ?nama= prefill it (the
                    # link from a published guidance item to a draft for its juknis)
                    "code": slugify(request.GET.get("kode", ""))[:60] or f"{rule_set.code}-salinan",
                    "name": request.GET.get("nama", "").strip()[:250]
                    or _("%(name)s (copy)") % {"name": rule_set.name},
                }
            ),
            "copy_open": "kode" in request.GET,
        },
    )


@login_required
@require_POST
def ruleset_copy(request: HttpRequest, code: str) -> HttpResponse:
    if not access.may_draft_rule_set(request.user):
        raise Http404
    source = rule_set_get(user=request.user, code=code)
    form = RuleSetCopyForm(request.POST)
    if form.is_valid():
        try:
            new = services.rule_set_copy(user=request.user, source=source, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Draft created. Edit its parameters, then preview."))
            return redirect("candidacy:ruleset_edit", code=new.code)
    else:
        messages.error(request, _("Check the code and the name of the new rule set."))
    return redirect(source)


@login_required
def ruleset_edit(request: HttpRequest, code: str) -> HttpResponse:
    rule_set = rule_set_get(user=request.user, code=code)
    if rule_set.is_published:
        messages.error(request, _("A published rule set cannot be edited; make a copy instead."))
        return redirect(rule_set)
    if not _may_edit(request.user, rule_set):
        raise PermissionDenied
    form = RuleSetForm(request.POST or None, initial=RuleSetForm.initial_for(rule_set))
    if request.method == "POST" and form.is_valid():
        cd = form.cleaned_data
        services.rule_set_update(
            user=request.user,
            rule_set=rule_set,
            name=cd["name"],
            legal_basis=cd["legal_basis"],
            effective_date=cd["effective_date"],
            parameters=cd["parameters"],
            source=cd["source"],
        )
        messages.success(request, _("Saved. Preview the impact before publishing."))
        return redirect("candidacy:ruleset_impact", code=rule_set.code)
    return render(request, "candidacy/ruleset_form.html", {"form": form, "rule_set": rule_set})


@login_required
def ruleset_impact(request: HttpRequest, code: str) -> HttpResponse:
    """Compare a rule set with another (the one in force by default): what changes."""
    if not request.user.is_staff_member:
        raise Http404
    proposed = rule_set_get(user=request.user, code=code)
    against_code = request.GET.get("against")
    if against_code:
        current = rule_set_get(user=request.user, code=against_code)
    else:
        current = rule_set_current()
        if current is None or current.pk == proposed.pk:
            current = proposed.supersedes.first() or proposed.based_on or current
    if current is None:
        raise Http404
    impact = impact_preview(user=request.user, current=current, proposed=proposed)
    return render(
        request,
        "candidacy/ruleset_impact.html",
        {
            "impact": impact,
            "rule_set": proposed,
            "others": rule_sets_visible_to(request.user).exclude(pk=proposed.pk),
            "may_publish": not proposed.is_published and access.may_publish_rule_set(request.user),
        },
    )


@login_required
@require_POST
def ruleset_publish(request: HttpRequest, code: str) -> HttpResponse:
    """Publish a draft: KPU RI's coordinators only (403 for any other office's coordinator)."""
    rule_set = rule_set_get(user=request.user, code=code)
    try:
        services.rule_set_publish(user=request.user, rule_set=rule_set)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Rule set published."))
    return redirect(rule_set)
