"""JSON API of the candidacy app (mounted at /api/v1/candidacy); the calculators are open
to anonymous callers. Bad input answers 422 naming the field."""

from ninja import Field, Router, Schema
from ninja.errors import ValidationError

from mejabantu.accounts.api_auth import optional_bearer
from mejabantu.candidacy import calculators
from mejabantu.candidacy.selectors import rule_set_get, rule_sets_published

router = Router(tags=["candidacy"])


def _public(data: dict) -> dict:
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _run(func, payload: Schema) -> dict:
    try:
        return _public(func(**payload.dict()))
    except calculators.InputError as exc:
        raise ValidationError(
            [{"loc": ["body", "payload", exc.field], "msg": exc.message}]
        ) from exc


class ThresholdIn(Schema):
    region: str | None = None
    contest: str | None = None
    parties: list[str] | None = None
    level: str | None = None
    dpt: int | None = None
    valid_votes_total: int | None = None
    coalition_votes: int | None = None
    coalition_seats: int | None = None
    seats_total: int | None = None
    rule_set: str | None = None


class ThresholdOut(Schema):
    required_percent: float
    min_votes: int
    coalition_votes: int
    coalition_percent: float
    min_seats: int | None
    coalition_seats: int | None
    eligible: bool | None
    status: str
    reason: str
    reason_code: str = ""
    warnings: list[str]
    completing_parties: list[str]
    rule_set: str
    legal_basis: str
    illustrative: bool


@router.post("/threshold", response=ThresholdOut, auth=None)
def threshold(request, payload: ThresholdIn):
    """Check a party or coalition against the nomination threshold.

    Send either `region`, `contest` and `parties` (codes), or `level`, `dpt`,
    `valid_votes_total` and `coalition_votes`; optionally `rule_set` (code).
    """
    return _run(calculators.threshold, payload)


class ServicePeriodIn(Schema):
    start: str | None = None
    end: str | None = None
    acting: bool = False


class EligibilityIn(Schema):
    position: str = Field(
        description="gubernur, wakil_gubernur, bupati, wakil_bupati, walikota or wakil_walikota"
    )
    birth_date: str | None = None
    terms_served: int | None = None
    education: str | None = None
    is_acting_head: bool | None = None
    service_periods: list[ServicePeriodIn] = []
    rule_set: str | None = None


class CheckOut(Schema):
    code: str
    status: str
    reason: str
    reason_code: str = ""
    reason_params: dict = {}
    legal_basis: str
    document: str
    issuer: str
    uncertain: bool


class EligibilityOut(Schema):
    eligible: bool | None
    checks: list[CheckOut]
    rule_set: str
    reference_date: str
    reference_event: str
    reference_uncertain: bool


@router.post("/eligibility", response=EligibilityOut, auth=None)
def eligibility(request, payload: EligibilityIn):
    """Check one candidate; `eligible` is false when a check fails, null while documents
    are still needed."""
    return _run(calculators.eligibility, payload)


class SupportIn(Schema):
    region: str | None = None
    level: str | None = None
    dpt: int | None = None
    sub_regions: int | None = None
    supporters: int | None = None
    sub_regions_reached: int | None = None
    rule_set: str | None = None


class SupportOut(Schema):
    min_supporters: int
    required_percent: float
    min_sub_regions: int
    sub_regions: int
    status: str
    reason: str
    reason_code: str = ""
    legal_basis: str
    rule_set: str
    illustrative: bool


@router.post("/independent-support", response=SupportOut, auth=None)
def independent_support(request, payload: SupportIn):
    """Return the minimum supporters and spread for an independent pair."""
    return _run(calculators.independent_support, payload)


class RuleSetOut(Schema):
    code: str
    name: str
    legal_basis: str
    effective_date: str
    superseded_by: str | None
    parameters: dict


class RuleSetDetailOut(RuleSetOut):
    status: str
    office: str | None


def _rule_set_out(r) -> dict:
    return {
        "code": r.code,
        "name": r.name,
        "legal_basis": r.legal_basis,
        "effective_date": r.effective_date.isoformat(),
        "superseded_by": r.superseded_by.code if r.superseded_by_id else None,
        "parameters": r.parameters,
    }


@router.get("/rule-sets", response=list[RuleSetOut], auth=None)
def rule_sets(request):
    """List the published rule sets, newest first (drafts are never listed)."""
    return [_rule_set_out(r) for r in rule_sets_published()]


@router.get("/rule-sets/{code}", response=RuleSetDetailOut, auth=optional_bearer)
def rule_set_detail(request, code: str):
    """One rule set. A draft answers 404 to anyone who may not see it (everyone but staff of
    the office that drafted it, KPU RI's coordinators and administrators)."""
    r = rule_set_get(user=request.user, code=code)
    return {
        **_rule_set_out(r),
        "status": r.status,
        "office": r.office.code if r.office_id else None,
    }
