"""The schemas of the tickets API (helpdesk.api): what it reads and answers."""

from datetime import datetime
from uuid import UUID

from ninja import Field, Schema


class MessageOut(Schema):
    id: int
    author: str
    from_requester: bool
    internal: bool
    body: str
    created_at: datetime
    attachments: list[str]


class HopOut(Schema):
    kind: str = Field(..., description="escalate, forward or return")
    from_office: str = Field(..., description="code of the office that handed it on")
    to_office: str = Field(..., description="code of the office it was handed to")
    reason: str
    by: str
    at: datetime


class TicketOut(Schema):
    id: int
    reference: str
    office: str = Field(..., description="code of the office where it was asked")
    handled_by: str = Field(..., description="code of the office handling it now")
    hops: list[HopOut]
    organisation: str | None
    requester_name: str
    category: str
    subject: str
    body: str
    channel: str
    priority: str
    status: str
    assignee: str | None
    received_at: datetime
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    version: int
    rating: int | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    sla_state: str = Field(..., description="ok, warning, breached, paused, met, or empty")
    waiting_for: int | None = Field(
        None, description="id of the guidance (juknis) item the ticket waits for"
    )
    url: str


class TicketDetailOut(TicketOut):
    messages: list[MessageOut]


class TicketListOut(Schema):
    count: int = Field(
        ..., description="how many tickets match, counted up to 1000 (see count_capped)"
    )
    count_capped: bool = Field(
        ..., description="true when more than 1000 match: narrow the filters to count them"
    )
    results: list[TicketOut]


class TicketFilters(Schema):
    status: str = ""
    category: str = ""
    channel: str = ""
    organisation: str = ""
    assignee: str = ""
    q: str = ""
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(
        0, ge=0, le=100_000
    )  # deeper: narrow the filters (a 64-bit offset was a 500)


class TicketIn(Schema):
    subject: str = Field(..., min_length=1, max_length=200)
    body: str = Field(..., min_length=1)
    category: str
    channel: str | None = None
    organisation: str | None = None
    requester_name: str | None = None
    received_at: datetime | None = None
    priority: str | None = None
    idempotency_key: UUID | None = None


class MessageIn(Schema):
    body: str = Field(..., min_length=1)
    internal: bool = False


class TicketPatch(Schema):
    status: str | None = None
    assignee: str | None = Field(None, description="username, or empty string to unassign")
    priority: str | None = None
    category: str | None = None
    version: int | None = Field(None, description="the version you read; a stale one is 409")
