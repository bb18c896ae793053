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


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NEEDS_DOCUMENT = "needs_document"
    UNKNOWN = "unknown"


STATUS_LABELS = {
    Status.MET: "Memenuhi syarat",
    Status.NOT_MET: "Tidak memenuhi syarat",
    Status.NEEDS_DOCUMENT: "Perlu dokumen",
    Status.UNKNOWN: "Belum dapat dinilai",
}


@dataclass(frozen=True)
class Verdict:
    """The answer of one rule: its status, why (in Indonesian) and the article deciding it."""

    code: str
    status: Status
    reason: str
    legal_basis: str
    document: str = ""
    issuer: str = ""
    uncertain: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["status"] = str(self.status)
        data["warnings"] = list(self.warnings)
        return data

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


class Rule:
    """One requirement. Subclasses set ``code`` and ``legal_basis`` and implement ``check``."""

    code: str = ""
    legal_basis: str = ""

    def verdict(self, status: Status, reason: str, **extra) -> Verdict:
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
