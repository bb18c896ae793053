"""Writes for candidacy: rule sets, registrations and their documents.

Every write is keyword-only and atomic; views, the API, commands and the demo call these.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mejabantu.accounts import access
from mejabantu.candidacy.checks import registration_verdicts
from mejabantu.candidacy.models import (
    Contest,
    Party,
    Registration,
    RegistrationDocument,
    RuleSet,
)
from mejabantu.candidacy.reasons import shown_error, shown_text
from mejabantu.candidacy.rules.documents import full_checklist
from mejabantu.candidacy.rules.params import RuleSetData, RuleSetError, shipped_rule_sets
from mejabantu.candidacy.selectors import rule_set_current


def _validate_rule_set(*, code, name, legal_basis, effective_date, parameters) -> RuleSetData:
    try:
        return RuleSetData.from_dict(
            {
                "code": code,
                "name": name,
                "legal_basis": legal_basis,
                "effective_date": effective_date.isoformat(),
                "parameters": parameters,
            }
        )
    except RuleSetError as exc:
        raise ValidationError(shown_error(exc)) from exc


@transaction.atomic
def rule_sets_sync_shipped() -> list[RuleSet]:
    """Store the rule sets shipped under data/rulesets as published (idempotent)."""
    stored = []
    shipped = shipped_rule_sets()
    for code, raw in shipped.items():
        RuleSetData.from_dict(raw)  # refuse a broken shipped file loudly
        obj, _created = RuleSet.objects.update_or_create(
            code=code,
            defaults={
                "name": raw["name"],
                "legal_basis": raw["legal_basis"],
                "effective_date": dt.date.fromisoformat(raw["effective_date"]),
                "parameters": raw["parameters"],
                "articles": raw.get("articles", {}),
                "source": raw.get("source", ""),
                "status": RuleSet.Status.PUBLISHED,
            },
        )
        if obj.published_at is None:
            obj.published_at = timezone.now()
            obj.save(update_fields=["published_at"])
        stored.append(obj)
    for code, raw in shipped.items():
        if raw.get("superseded_by"):
            RuleSet.objects.filter(code=code).update(
                superseded_by=RuleSet.objects.get(code=raw["superseded_by"])
            )
    return stored


@transaction.atomic
def rule_set_copy(*, user, source: RuleSet, code: str, name: str) -> RuleSet:
    """Start a draft rule set from an existing one (e.g. for a new juknis), owned by the
    drafting coordinator's office: only that office sees it until KPU RI publishes it."""
    if not access.may_draft_rule_set(user) or not access.may_see_rule_set(
        user, published=source.is_published, office=source.office_id
    ):
        raise PermissionDenied
    if RuleSet.objects.filter(code=code).exists():
        raise ValidationError(_("A rule set with this code already exists; choose another code."))
    return RuleSet.objects.create(
        code=code,
        name=name,
        legal_basis=source.legal_basis,
        effective_date=timezone.localdate(),
        parameters=dict(source.parameters),
        articles=dict(source.articles),
        source=source.source,
        based_on=source,
        office_id=user.office_id,
        created_by=user,
        status=RuleSet.Status.DRAFT,
    )


@transaction.atomic
def rule_set_update(
    *,
    user,
    rule_set: RuleSet,
    name: str,
    legal_basis: str,
    effective_date: dt.date,
    parameters: dict,
    source: str = "",
) -> RuleSet:
    """Change a draft rule set; published ones are never edited (copy them instead)."""
    if rule_set.status != RuleSet.Status.DRAFT:
        raise ValidationError(_("A published rule set cannot be edited; make a copy instead."))
    if not access.may_edit_rule_set(user, published=False, office=rule_set.office_id):
        raise PermissionDenied
    _validate_rule_set(
        code=rule_set.code,
        name=name,
        legal_basis=legal_basis,
        effective_date=effective_date,
        parameters=parameters,
    )
    rule_set.name = name
    rule_set.legal_basis = legal_basis
    rule_set.effective_date = effective_date
    rule_set.parameters = parameters
    rule_set.source = source
    rule_set.save()
    return rule_set


@transaction.atomic
def rule_set_publish(*, user, rule_set: RuleSet) -> RuleSet:
    """Publish a draft; the rule set it was copied from (if in force) is superseded by it.

    Rule sets are national: only KPU RI's coordinators (and administrators) publish, a lower
    office's draft included (it is their proposal)."""
    if not access.may_publish_rule_set(user):
        raise PermissionDenied
    if rule_set.status != RuleSet.Status.DRAFT:
        raise ValidationError(_("This rule set is already published."))
    rule_set.as_data()  # must be complete
    previous = rule_set_current(on=rule_set.effective_date)
    rule_set.status = RuleSet.Status.PUBLISHED
    rule_set.published_at = timezone.now()
    rule_set.save(update_fields=["status", "published_at"])
    if previous is not None and previous.pk != rule_set.pk:
        previous.superseded_by = rule_set
        previous.save(update_fields=["superseded_by"])
    return rule_set


def _next_number(office, *, rehearsal: bool, year: int) -> str:
    prefix = f"{office.short_code}-{'GB' if rehearsal else 'PAS'}-{year}-"
    taken = Registration.objects.filter(number__startswith=prefix).count()
    seq = taken + 1
    while Registration.objects.filter(number=f"{prefix}{seq:03d}").exists():
        seq += 1
    return f"{prefix}{seq:03d}"


@transaction.atomic
def registration_create(
    *,
    user,
    contest: Contest,
    route: str,
    head_name: str,
    deputy_name: str,
    organisation=None,
    parties: list[Party] | tuple[Party, ...] = (),
    head_birth_date: dt.date | None = None,
    deputy_birth_date: dt.date | None = None,
    head_education: str = "",
    deputy_education: str = "",
    head_terms_served: int | None = None,
    deputy_terms_served: int | None = None,
    is_rehearsal: bool = False,
    remarks: str = "",
    registered_at: dt.datetime | None = None,
) -> Registration:
    """Record a pair's registration, its document checklist and the checks' verdicts."""
    office = getattr(contest.region, "office", None)
    if office is None:
        raise ValidationError(_("No KPU office serves this contest's region."))
    if user is not None and not (user.is_superuser or user.role == "admin"):
        if not user.is_staff_member or user.office_id != office.pk:
            raise PermissionDenied
    if route == Registration.Route.PARTY and not parties:
        raise ValidationError(_("Choose at least one proposing party."))
    when = registered_at or timezone.now()
    registration = Registration.objects.create(
        number=_next_number(office, rehearsal=is_rehearsal, year=when.year),
        office=office,
        contest=contest,
        route=route,
        organisation=organisation,
        head_name=head_name,
        deputy_name=deputy_name,
        head_birth_date=head_birth_date,
        deputy_birth_date=deputy_birth_date,
        head_education=head_education,
        deputy_education=deputy_education,
        head_terms_served=head_terms_served,
        deputy_terms_served=deputy_terms_served,
        is_rehearsal=is_rehearsal,
        remarks=remarks,
        registered_at=when,
        received_by=user,
    )
    if parties:
        registration.parties.set(parties)
    # stored as before, in the desk's language; pages show them by code in the reader's
    # (templatetags.candidacy.document_text)
    with translation.override(settings.LANGUAGE_CODE):
        documents = [
            RegistrationDocument(
                registration=registration,
                code=item.code,
                role=item.role,
                document=shown_text(item.document),
                issuer=shown_text(item.issuer),
                legal_basis=item.legal_basis,
                conditional=item.conditional,
                position=position,
            )
            for position, item in enumerate(full_checklist(route))
        ]
    RegistrationDocument.objects.bulk_create(documents)
    registration_check(registration=registration)
    return registration


@transaction.atomic
def registration_check(*, registration: Registration, rule_set: RuleSet | None = None) -> dict:
    """Run the checks under ``rule_set`` and store the verdicts with that rule set.

    By default the rule set in force on the registration day decides.
    """
    on = timezone.localdate(registration.registered_at)
    rule_set = rule_set or rule_set_current(on=on)
    if rule_set is None:
        rule_sets_sync_shipped()
        rule_set = rule_set_current(on=on) or rule_set_current()
    assert rule_set is not None
    verdicts = registration_verdicts(rule_set.as_data(), registration)
    registration.verdicts = verdicts
    registration.rule_set = rule_set
    registration.checked_at = timezone.now()
    registration.save(update_fields=["verdicts", "rule_set", "checked_at"])
    return verdicts


@transaction.atomic
def registration_document_set(
    *, user, document: RegistrationDocument, status: str, note: str = ""
) -> RegistrationDocument:
    """Record whether a document was handed in (officers of the registering office only)."""
    registration = document.registration
    if not (user.is_superuser or user.role == "admin"):
        if not user.is_staff_member or user.office_id != registration.office_id:
            raise PermissionDenied
    if status not in RegistrationDocument.Status.values:
        raise ValidationError(_("Unknown document status."))
    document.status = status
    document.note = note
    document.received_at = (
        timezone.now()
        if status in (RegistrationDocument.Status.RECEIVED, RegistrationDocument.Status.INCOMPLETE)
        else None
    )
    document.save(update_fields=["status", "note", "received_at"])
    return document


@transaction.atomic
def registration_update_remarks(*, user, registration: Registration, remarks: str) -> Registration:
    if not (user.is_superuser or user.role == "admin"):
        if not user.is_staff_member or user.office_id != registration.office_id:
            raise PermissionDenied
    registration.remarks = remarks
    registration.save(update_fields=["remarks"])
    return registration
