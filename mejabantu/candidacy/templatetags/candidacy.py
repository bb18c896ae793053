"""Template filters for verdicts and Indonesian number formats."""

from django import template
from django.utils.translation import gettext_lazy as _

from mejabantu.candidacy.reasons import shown_reason, shown_text, shown_warnings
from mejabantu.candidacy.rules.arithmetic import format_number, format_percent
from mejabantu.candidacy.rules.documents import checklist_item

register = template.Library()

STATUS = {
    "met": _("met"),
    "not_met": _("not met"),
    "needs_document": _("needs a document"),
    "unknown": _("cannot tell yet"),
}
ELIGIBLE = {
    True: _("eligible"),
    False: _("not eligible"),
    None: _("open: documents or data needed"),
}
CHECK_NAMES = {
    "nomination": _("nomination threshold or support"),
    "threshold": _("nomination threshold"),
    "independent_support": _("independent support"),
    "age": _("age"),
    "education": _("education"),
    "term_limit": _("term limit"),
    "acting_head": _("not an acting head"),
    # the requirements checked from documents (rules/eligibility.py DOCUMENT_REQUIREMENTS)
    "devotion": _("devoted to God Almighty"),
    "loyalty": _("loyal to Pancasila and the 1945 Constitution"),
    "health": _("physical and mental health"),
    "criminal_record": _("criminal record"),
    "voting_rights": _("right to vote not revoked"),
    "good_conduct": _("no disgraceful act"),
    "wealth_report": _("wealth report"),
    "debt": _("no debt harming the state"),
    "bankruptcy": _("not bankrupt"),
    "tax": _("tax number and tax returns"),
    "former_head_same_region": _("deputy never head of the same region"),
    "resign_other_region": _("leaving office as head of another region"),
    "resign_legislator": _("resignation from the DPR, DPD or DPRD"),
    "resign_civil_service": _("resignation from the TNI, Polri, civil service or village head"),
    "resign_soe": _("leaving a post at a BUMN or BUMD"),
}


ROLES = {"head": _("head candidate"), "deputy": _("deputy candidate")}


@register.filter
def status_label(value) -> str:
    return STATUS.get(str(value), str(value))


@register.filter
def eligible_label(value) -> str:
    return ELIGIBLE.get(value, "")


@register.filter
def eligible_class(value) -> str:
    return {True: "met", False: "not_met"}.get(value, "unknown")


@register.filter
def check_name(value) -> str:
    key = str(value)
    role, _sep, code = key.partition(".")
    if code:
        return f"{ROLES.get(role, role)}: {CHECK_NAMES.get(code, code)}"
    return str(CHECK_NAMES.get(key, key))


@register.filter
def id_number(value) -> str:
    if value is None or value == "":
        return "—"
    return format_number(int(value))


@register.filter
def id_percent(value) -> str:
    if value is None or value == "":
        return "—"
    return format_percent(str(value))


@register.filter
def verdict_reason(verdict) -> str:
    """Return a verdict's reason in the reader's language (old stored text as it was)."""
    return shown_reason(verdict)


@register.filter
def verdict_warnings(verdict) -> list[str]:
    """Return a verdict's warnings in the reader's language."""
    return shown_warnings(verdict)


@register.filter
def text(value) -> str:
    """A text the pure rules name (document, issuer, label) in the reader's language."""
    return shown_text(str(value or ""))


@register.filter
def document_text(doc) -> str:
    """A registration document's name in the reader's language, by its code (the stored
    text when the code is not in today's checklist)."""
    item = checklist_item(doc.code, doc.role)
    return shown_text(item.document) if item else doc.document


@register.filter
def issuer_text(doc) -> str:
    """Who issues a registration document, in the reader's language (as ``document_text``)."""
    item = checklist_item(doc.code, doc.role)
    return shown_text(item.issuer) if item else doc.issuer
