"""The rows of one seeded ticket as the services would have written them (bench/network_seed.py):
the ticket, its messages, its audit trail, its hops and the SLA warnings already passed, as
lines for PostgreSQL's COPY."""

import json
import random
import uuid
from datetime import datetime, timedelta
from operator import itemgetter
from types import SimpleNamespace

from django.utils import timezone

from bench.network_text import Words
from mejabantu.accounts.access import offices_up
from mejabantu.helpdesk.models import (
    AuditEvent,
    Category,
    Message,
    SlaWarning,
    Ticket,
    TicketHop,
)
from mejabantu.helpdesk.services import sla
from mejabantu.helpdesk.services.tokens import public_token_for, token_digest
from mejabantu.offices.models import Office, SlaPolicy

MODELS = (Ticket, Message, AuditEvent, TicketHop, SlaWarning)
TABLES = {m._meta.db_table: [f.column for f in m._meta.concrete_fields] for m in MODELS}
ROW = {table: itemgetter(*columns) for table, columns in TABLES.items()}  # a dict to a row
TICKET = Ticket._meta.db_table

STATUSES = (["new"] * 12 + ["in_progress"] * 20 + ["waiting"] * 6 + ["resolved"] * 50
            + ["closed"] * 12)  # fmt: skip
CHANNELS = ["web"] * 55 + ["desk"] * 15 + ["phone"] * 10 + ["email"] * 10 + ["whatsapp"] * 10
PRIORITIES = ["normal"] * 80 + ["high"] * 10 + ["low"] * 5 + ["urgent"] * 5
MESSAGES_NEW = [0, 1, 2]
MESSAGES_OTHER = [1, 2, 2, 3, 3, 4, 4, 5, 6]  # about 3 per ticket in all
OPEN = ("new", "in_progress", "waiting")
REGIONAL = (Office.Level.REGENCY, Office.Level.CITY)
NO_CLOCKS = {
    "first_response_due": None,
    "resolution_due": None,
    "sla_due": None,
    "sla_state": "",
    "sla_elapsed_minutes": 0,
    "sla_next_check": None,
}
MIN, HOUR = timedelta(minutes=1), timedelta(hours=1)


def _label(obj) -> dict:
    return {"id": obj.pk, "label": str(obj)}


class TicketMaker:
    """Writes one ticket's rows into per-table lists of COPY lines."""

    def __init__(self, *, rng, now, offices, officers, organisations, operators, items, ids,
                 counters):  # fmt: skip
        self.rng: random.Random = rng
        self.words = Words(rng)
        self.now = now
        self.limit = now - MIN
        self.officers = officers
        self.organisations = organisations
        self.operators = operators
        self.items = items
        self.ids = dict(ids)
        self.counters = dict(counters)
        self.counts = dict.fromkeys(TABLES, 0)
        self.per_office: dict[int, int] = {}
        self.handling_offices: set[int] = set()
        self.categories = list(Category.objects.filter(office__isnull=True).order_by("position"))
        self.with_policies = set(SlaPolicy.objects.values_list("office_id", flat=True))
        self.offices = {o.pk: o for o in Office.objects.select_related("parent")}
        self.children: dict[int, list[Office]] = {}
        for o in offices:
            if o.parent_id:
                self.children.setdefault(o.parent_id, []).append(o)
        self.ri = next(o for o in self.offices.values() if o.level == Office.Level.RI)
        self.fitting = {  # the guidance items an office's tickets may wait for
            o.pk: [i for i in items if i.office_id in offices_up(o)] for o in offices
        }

    # -- plumbing -------------------------------------------------------------------------

    def _id(self, table: str) -> int:
        found = self.ids[table]
        self.ids[table] = found + 1
        self.counts[table] += 1
        return found

    def _row(self, rows: dict, model, values: dict) -> None:
        """One row (every column named in ``values``) for psycopg's ``copy.write_row``."""
        table = model._meta.db_table
        rows[table].append(ROW[table](values))

    def _later(self, at: datetime, low: timedelta, high: timedelta) -> datetime:
        step = low + (high - low) * self.rng.random()
        return min(at + step, self.limit)

    def _staff(self, office: Office):
        found = self.officers.get(office.pk) or []
        return self.rng.choice(found) if found else None

    def _pick(self, options: list):
        """An item of a list, the first ones more often (bigger parties ask more)."""
        n = len(options)
        return options[min(int(n * self.rng.random() ** 2), n - 1)]

    # -- one ticket -----------------------------------------------------------------------

    def ticket(self, office: Office, at: datetime, rows: dict) -> None:
        rng, words = self.rng, self.words
        tid = self._id(TICKET)
        self.per_office[office.pk] = self.per_office.get(office.pk, 0) + 1
        status, channel = rng.choice(STATUSES), rng.choice(CHANNELS)
        priority, category = rng.choice(PRIORITIES), self._pick(self.categories)
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        orgs = self.organisations.get(office.pk) or []
        org = self._pick(orgs) if orgs and rng.random() < 0.65 else None
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        requester = created_by = None
        email = phone = ""
        actor: tuple[int | None, str]
        if channel in ("desk", "phone", "whatsapp") and self.officers.get(office.pk):
            logger = self._staff(office)
            created_by, actor = logger.pk, (logger.pk, str(logger))
            name = org.name if org else person
            phone = "" if channel == "desk" else f"08{rng.randrange(10**9, 10**10)}"
        elif channel == "web" and org is not None and org.pk in self.operators:
            operator = self.operators[org.pk]
            requester, name, email = operator.pk, str(operator), operator.email
            actor = (operator.pk, name)
        else:  # a member of the public, on the web or by e-mail (receive-mail: no actor)
            org, name = None, person
            email = f"{person.lower().replace(' ', '.')}{rng.randrange(1000)}@mail.example"
            actor = (None, name if channel != "email" else "sistem")
        events: list[tuple] = [
            (
                "created",
                actor,
                {
                    "status": [None, "new"],
                    "channel": [None, channel],
                    "category": [None, category.code],
                },  # fmt: skip
                at,
            )
        ]
        version, t, handling = 1, at, office
        hops = self._hops(office, rng)
        for kind, to in hops:
            t = self._later(t, HOUR, 24 * HOUR)
            by = self._staff(handling)
            reason = f"Kewenangan {to.name}: {' '.join(words.some(8))}."
            self._row(rows, TicketHop, {
                "id": self._id(TicketHop._meta.db_table), "ticket_id": tid,
                "from_office_id": handling.pk, "to_office_id": to.pk, "kind": kind,
                "reason": reason, "actor_id": by.pk if by else None,
                "actor_name": str(by) if by else "sistem", "created_at": t,
            })  # fmt: skip
            changes = {"handling_office": [_label(handling), _label(to)], "reason": [None, reason]}
            events.append((HOP_ACTION[kind], (by.pk if by else None, str(by)), changes, t))
            handling, version = to, version + 1
        self.handling_offices.add(handling.pk)
        assignee = None
        if status != "new" and rng.random() < 0.6:
            assignee = self._pick(self.officers.get(handling.pk) or [None])
            if assignee is not None:
                t = self._later(t, 5 * MIN, HOUR)
                by = self._staff(handling)
                events.append(("updated", (by.pk, str(by)), {"assignee": [None, _label(assignee)]},
                               t))  # fmt: skip
                version += 1
        current, first_response, count = "new", None, 0
        for k in range(rng.choice(MESSAGES_NEW if status == "new" else MESSAGES_OTHER)):
            t = self._later(t, 20 * MIN, 36 * HOUR)
            staff_turn = status != "new" and (k == 0 or rng.random() < 0.5)
            note = rng.random() < (0.5 if status == "new" else 0.25) and k > 0
            mid = self._id(Message._meta.db_table)
            count += 1
            changes: dict = {"message": [None, mid]}
            if note or staff_turn:
                by = self._staff(handling) or self._staff(office)
                author, author_name = (by.pk, str(by)) if by else (None, "sistem")
                internal = note and not (staff_turn and k == 0)
                action = "note" if internal else "reply"
                body = words.note() if internal else words.reply()
                if not internal:
                    first_response = first_response or t
                    if current == "new":
                        changes["status"] = ["new", "in_progress"]
                        current, version = "in_progress", version + 1
            else:
                author, author_name, internal = requester, name, False
                action, body = "requester_reply", words.requester_reply()
            self._row(rows, Message, {
                "id": mid, "ticket_id": tid, "author_id": author, "author_name": author_name,
                "from_requester": action == "requester_reply", "internal": internal,
                "body": body, "created_at": t,
            })  # fmt: skip
            events.append((action, (author, author_name), changes, t))
        resolved_at = None
        if status != current:
            t = self._later(t, 10 * MIN, 24 * HOUR)
            by = self._staff(handling)
            events.append(("updated", (by.pk, str(by)), {"status": [current, status]}, t))
            version += 1
            if status in ("resolved", "closed"):
                resolved_at = t
        guidance = None
        if status in OPEN and rng.random() < 0.04:
            fitting = self.fitting[office.pk]
            if fitting:
                guidance = rng.choice(fitting)
                t = self._later(max(t, guidance.created_at), 10 * MIN, 48 * HOUR)
                by = self._staff(office) or self._staff(handling)
                changes = {"pending_guidance": [None, _label(guidance)]}
                events.append(("guidance_linked", (by.pk, str(by)), changes, t))
                version += 1
        rating = rated_at = None
        if status == "resolved" and requester and rng.random() < 0.2:
            rating, rated_at = rng.choice([3, 4, 4, 5, 5, 5]), self._later(t, HOUR, 48 * HOUR)
            events.append(("rated", (requester, name), {"rating": [None, rating]}, rated_at))
        events.sort(key=lambda e: e[3])
        year = timezone.localtime(at).year
        number = self.counters.get((office.pk, year), 0) + 1
        self.counters[(office.pk, year)] = number
        values = {
            "id": tid, "office_id": office.pk, "handling_office_id": handling.pk,
            "reference": f"{office.short_code}-{year}-{number:06d}",
            "organisation_id": org.pk if org else None, "requester_id": requester,
            "requester_name": name[:150], "requester_email": email, "requester_phone": phone,
            "public_token_digest": token_digest(public_token_for(key)) if org is None else "",
            "category_id": category.pk, "subject": words.subject(office.region.name),
            "body": words.question(office.region.name), "channel": channel,
            "priority": priority, "status": status,
            "assignee_id": assignee.pk if assignee else None, "created_by_id": created_by,
            "received_at": at, "created_at": at, "updated_at": events[-1][3],
            "first_response_at": first_response, "resolved_at": resolved_at,
            "merged_into_id": None, "pending_guidance_id": guidance.pk if guidance else None,
            "version": version, "page_version": 0, "idempotency_key": key,
            "message_count": count, "rating": rating, "rating_comment": "", "rated_at": rated_at,
        }  # fmt: skip
        values.update(self._clocks(values, office, handling, category, events, tid, rows))
        self._row(rows, Ticket, values)
        for action, (actor_id, actor_name), changes, when in events:
            self._row(rows, AuditEvent, {
                "id": self._id(AuditEvent._meta.db_table), "ticket_id": tid,
                "actor_id": actor_id, "actor_name": actor_name[:150], "action": action,
                "changes": json.dumps(changes, ensure_ascii=False), "created_at": when,
            })  # fmt: skip

    def _hops(self, office: Office, rng: random.Random) -> list[tuple[str, Office]]:
        """Escalated to the province (3 %, a third of them on to KPU RI), a province's own to
        KPU RI (2 %), or forwarded to another kabupaten/kota of the province (0.4 %)."""
        if office.level in REGIONAL and office.parent_id:
            province = self.offices[office.parent_id]
            draw = rng.random()
            if draw < 0.03:
                hops = [("escalate", province)]
                if rng.random() < 0.33:
                    hops.append(("escalate", self.ri))
                return hops
            if draw < 0.034:
                siblings = [o for o in self.children.get(province.pk, []) if o.pk != office.pk]
                return [("forward", rng.choice(siblings))] if siblings else []
        elif office.level == Office.Level.PROVINCE and rng.random() < 0.02:
            return [("escalate", self.ri)]
        return []

    def _clocks(self, values, office, handling, category, events, tid, rows) -> dict:
        """The SLA fields services.sla stores (and the warnings its sweep has recorded)."""
        if handling.pk not in self.with_policies:  # no SLA policy: no clocks
            plain = SimpleNamespace(status=values["status"], received_at=values["received_at"])
            return {**NO_CLOCKS, "queue_rank": sla.queue_rank(plain, None)}
        ticket = Ticket(
            office=office, handling_office=handling, category=category,
            priority=values["priority"], status=values["status"],
            received_at=values["received_at"], first_response_at=values["first_response_at"],
            resolved_at=values["resolved_at"], pending_guidance_id=values["pending_guidance_id"],
        )  # fmt: skip
        trail = [AuditEvent(action=a, changes=c, created_at=w) for a, _who, c, w in events]
        clocks = sla.clocks_of(ticket, self.now, trail)
        if clocks is None:
            return {**NO_CLOCKS, "queue_rank": sla.queue_rank(ticket, None)}
        fields = sla.sla_fields(ticket, self.now, clocks)
        for name, clock in (("first_response", clocks.first_response),
                            ("resolution", clocks.resolution)):  # fmt: skip
            if clock.state in ("met", "paused"):
                continue
            for threshold, when in (("warning", clock.warning_at), ("breached", clock.due)):
                if when <= self.now:
                    self._row(rows, SlaWarning, {
                        "id": self._id(SlaWarning._meta.db_table), "ticket_id": tid,
                        "clock": name, "threshold": threshold, "created_at": when,
                    })  # fmt: skip
        return fields


HOP_ACTION = {"escalate": "escalated", "forward": "forwarded", "return": "returned"}
FIRST_NAMES = ("Agus Ahmad Ani Bambang Dedi Dewi Eko Fajar Hadi Indah Joko Lina Made Nur Putu "
               "Rina Sri Tono Wayan Yuni Rudi Siti Yohanes Maria Ketut").split()  # fmt: skip
LAST_NAMES = ("Saputra Wijaya Lestari Hidayat Pratama Santoso Siregar Nasution Wulandari "
              "Kurniawan Setiawan Manurung Sihombing Tanjung Rahman Hasibuan").split()  # fmt: skip
