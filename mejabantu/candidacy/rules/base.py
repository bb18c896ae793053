"""Verdicts, the rule protocol and the runner (no Django imports).

Rules follow the shape of Django's password validators: one small class per
requirement, each with a ``code``, the ``legal_basis`` that decides it and a
``check(...)`` returning a :class:`Verdict`. Which rules run, and with which
numbers, is data: the rule set's parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum


def gettext_noop(message: str) -> str:
    """Mark ``message`` (an English msgid) for the candidacy catalogue and return it as it is.

    The pure rules name documents, issuers and labels in English msgids; where they are
    shown (``reasons.render``, the templates, the API) they are translated into the reader's
    language, so the rules stay free of Django.
    """
    return message


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NEEDS_DOCUMENT = "needs_document"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reason:
    """Why a rule decided as it did: a code and its parameters, not a sentence.

    The sentence is rendered where it is shown, in the reader's language
    (``mejabantu.candidacy.reasons``). A parameter may itself be a Reason (a part of the
    sentence), a list of them, or plain text and numbers. The code ``join`` puts its
    ``parts`` one after another, separated by ``sep``.
    """

    code: str
    params: dict = field(default_factory=dict)

    @classmethod
    def join(cls, *parts: Reason | str | None, sep: str = " ") -> Reason:
        """Return the parts (empty ones left out) as one reason, e.g. a sentence and a note."""
        return cls("join", {"parts": [p for p in parts if p], "sep": sep})

    def as_dict(self) -> dict:
        """Return the reason as JSON-ready data (nested reasons as dicts)."""
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params.items()}}


def _plain(value):
    if isinstance(value, Reason):
        return value.as_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Verdict:
    """The answer of one rule: its status, why (a :class:`Reason`) and the article deciding it."""

    code: str
    status: Status
    reason: Reason
    legal_basis: str
    document: str = ""
    issuer: str = ""
    uncertain: bool = False
    warnings: tuple[Reason, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        """Return the verdict as JSON-ready data; reasons as codes with parameters."""
        data = asdict(self)
        data["status"] = str(self.status)
        del data["reason"], data["warnings"]
        reason = self.reason.as_dict()
        data["reason_code"] = reason["code"]
        data["reason_params"] = reason["params"]
        data["warning_reasons"] = [w.as_dict() for w in self.warnings]
        return data


class Rule:
    """One requirement. Subclasses set ``code`` and ``legal_basis`` and implement ``check``."""

    code: str = ""
    legal_basis: str = ""

    def verdict(self, status: Status, reason: Reason, **extra) -> Verdict:
        extra.setdefault("legal_basis", self.legal_basis)
        return Verdict(code=self.code, status=status, reason=reason, **extra)


def overall(verdicts: Iterable[Verdict]) -> bool | None:
    """Return False when any verdict is not met, None while anything is open, else True."""
    statuses = [v.status for v in verdicts]
    if Status.NOT_MET in statuses:
        return False
    if any(s in (Status.NEEDS_DOCUMENT, Status.UNKNOWN) for s in statuses):
        return None
    return True
