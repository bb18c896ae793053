"""Who may see what, over every role × office × kind of object (accounts.access), through the
pages and the API as a user or an attacker guessing addresses would reach them; and the
office-move defect: an officer moved away through the admin's own form is at once no longer
offered, accepted or mailed as an assignee of the office left."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from mejabantu.accounts import access
from mejabantu.accounts.models import User
from mejabantu.accounts.services import api_token_issue
from mejabantu.helpdesk import services
from tests.helpdesk.conftest import PNG

ROLES = (
    "admin",
    "koordinator",
    "petugas1",
    "lo-partai-a",
    "lo-partai-b",
    "petugas-bangka",
    "petugas-beltim",  # another regency of the same province
    "petugas-prov",  # the province above
    "petugas-ri",  # KPU RI
    None,
)
STAFF = {"admin", "koordinator", "petugas1"}
ABOVE = {"petugas-prov", "petugas-ri"}  # see the tickets below them, read-only
OWNER = {"lo-partai-a"}  # the party that asked / booked
TICKET_KINDS = {"ticket", "ticket by id", "clocks", "file of the question"}
TICKET_KINDS |= {"file of an internal note", "api ticket"}
INTERNAL = {"clocks", "file of an internal note"}


@pytest.fixture
def objects(demo, users, office, other_office, network, ask, monkeypatch):
    """One of each kind of object, all of KPU Kabupaten Belitung, of lo-partai-a's party, and
    a ticket of the same party escalated to the province, with a note the province wrote."""
    from mejabantu.candidacy import demo as candidacy_demo
    from mejabantu.candidacy.models import Contest, Party
    from mejabantu.candidacy.services import registration_create
    from mejabantu.schedule import services as schedule
    from tests.schedule.conftest import NOW, wib

    ticket = ask(uploads=[SimpleUploadedFile("ktp.png", PNG, content_type="image/png")])
    note = services.message_add(
        ticket=ticket,
        actor=users["petugas1"],
        body="Catatan internal",
        internal=True,
        uploads=[SimpleUploadedFile("catatan.png", PNG, content_type="image/png")],
    )
    candidacy_demo.load()
    party = Party.objects.get(code=users["lo-partai-a"].organisation.party_code)
    registration = registration_create(
        user=users["petugas1"],
        contest=Contest.objects.get(region__code="19.02"),
        route="party",
        parties=[party],
        head_name="Kepala Uji",
        deputy_name="Wakil Uji",
    )
    escalated = ask(subject="Syarat calon gubernur", body="Berapa kursi untuk gubernur?")
    services.ticket_escalate(
        ticket=escalated,
        to_office=network.province,
        reason="Pemilihan gubernur",
        actor=users["petugas1"],
    )
    province_note = services.message_add(
        ticket=escalated,
        actor=network.prov_officer,
        body="Catatan provinsi",
        internal=True,
        uploads=[SimpleUploadedFile("provinsi.png", PNG, content_type="image/png")],
    )
    monkeypatch.setenv("MEJABANTU_FAKE_NOW", NOW.isoformat())
    appointment = schedule.appointment_book(
        actor=users["lo-partai-a"], office=office, starts_at=wib(2024, 9, 3, 10, 0)
    )
    return {
        "ticket": f"/tiket/{ticket.reference}/",
        "ticket by id": f"/tiket/{ticket.pk}/",
        "clocks": f"/tiket/{ticket.reference}/jam/",
        "file of the question": f"/tiket/lampiran/{ticket.attachments.get(message=None).pk}/",
        "file of an internal note": f"/tiket/lampiran/{note.attachments.get().pk}/",
        "registration": f"/pencalonan/pendaftaran/{registration.number}/",
        "appointment": f"/jadwal/janji/{appointment.pk}/",
        "api ticket": f"/api/v1/tickets/{ticket.reference}",
        "escalated ticket": f"/tiket/{escalated.reference}/",
        "escalated clocks": f"/tiket/{escalated.reference}/jam/",
        "escalated file of an internal note": (
            f"/tiket/lampiran/{province_note.attachments.get().pk}/"
        ),
        "escalated api ticket": f"/api/v1/tickets/{escalated.reference}",
    }


def _allowed(kind: str, role: str | None) -> bool:
    base = kind.removeprefix("escalated ")
    if role in STAFF:  # the asking office keeps seeing what it handed on
        return True
    if role in ABOVE:  # a province its kabupaten/kota's tickets, KPU RI all (read-only)
        return base in TICKET_KINDS
    if role in OWNER:
        return base not in INTERNAL
    return False  # another party, another regency (even of the same province)


def _client(role: str | None) -> Client:
    client = Client()
    if role is not None:
        client.force_login(User.objects.get(username=role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_exactly_what_is_its_own(objects, role):
    client = _client(role)
    token = api_token_issue(user=User.objects.get(username=role)) if role else "no-token"
    seen = {}
    for kind, url in objects.items():
        if "api" in kind:
            response = client.get(url, headers={"Authorization": f"Bearer {token}"})
            assert response["Content-Type"].startswith("application/json")
        else:
            response = client.get(url)
        seen[kind] = response.status_code
    expected = {}
    for kind in objects:
        if _allowed(kind, role):
            expected[kind] = 200
        elif role is None:
            expected[kind] = 401 if "api" in kind else 302  # to the sign-in page
        else:
            expected[kind] = 404  # never "forbidden": a guessed address reveals nothing
    assert seen == expected


@pytest.mark.parametrize(
    "role", ["lo-partai-a", "lo-partai-b", "petugas-bangka", "petugas-prov", "petugas-ri"]
)
def test_no_one_but_the_office_s_staff_changes_a_ticket(objects, role, users):
    client = _client(role)
    reference = objects["ticket"].split("/")[2]
    for action, data in [
        ("ubah/", {"status": "closed", "version": 1}),
        ("ambil/", {}),
        ("gabung/", {"target": reference}),
        ("teruskan/", {"to": "19", "reason": "Coba"}),
        ("kembalikan/", {"guidance": "Coba"}),
    ]:
        assert client.post(f"/tiket/{reference}/{action}", data).status_code == 404
    from mejabantu.helpdesk.models import Ticket

    ticket = Ticket.objects.get(reference=reference)
    assert ticket.status == "new" and ticket.assignee is None


def test_the_province_handles_an_escalated_ticket_the_regency_only_notes_it(objects, users):
    from mejabantu.helpdesk.models import Message, Ticket

    reference = objects["escalated ticket"].split("/")[2]
    regency, province, ri = _client("petugas1"), _client("petugas-prov"), _client("petugas-ri")
    assert regency.post(f"/tiket/{reference}/ambil/").status_code == 404
    assert ri.post(f"/tiket/{reference}/ambil/").status_code == 404
    assert province.post(f"/tiket/{reference}/ambil/").status_code == 302
    refused = regency.post(f"/tiket/{reference}/balas/", {"body": "Jawaban kabupaten"})
    assert refused.status_code == 400
    assert "hanya petugasnya yang membalas pemohon" in refused.content.decode()
    noted = regency.post(
        f"/tiket/{reference}/balas/", {"body": "Catatan kabupaten", "internal": "on"}
    )
    assert noted.status_code == 302
    assert ri.post(f"/tiket/{reference}/balas/", {"body": "RI"}).status_code == 404
    assert (
        province.post(f"/tiket/{reference}/balas/", {"body": "Jawaban provinsi"}).status_code == 302
    )
    ticket = Ticket.objects.get(reference=reference)
    assert ticket.assignee.username == "petugas-prov"
    thread = list(Message.objects.filter(ticket=ticket).values_list("body", "internal"))
    assert thread == [
        ("Catatan provinsi", True),
        ("Catatan kabupaten", True),
        ("Jawaban provinsi", False),
    ]


def _admin_moves(admin: Client, user: User, office) -> None:
    """Move ``user`` to ``office`` through the Django admin's own user form."""
    url = f"/admin/accounts/user/{user.pk}/change/"
    assert admin.get(url).status_code == 200
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "role": user.role,
        "office": office.pk,
        "organisation": "",
        "phone": user.phone,
        "on_duty": "on" if user.on_duty else "",
        "is_demo_account": "on" if user.is_demo_account else "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert user.office_id == office.pk


def test_an_officer_moved_in_the_admin_is_no_assignee_of_the_office_left(
    client, users, ask, other_office
):
    from mejabantu.mail.models import OutgoingMail

    ticket = ask(subject="Pindah kantor", body="Siapa yang menjawab?")
    client.force_login(users["petugas1"])
    page = client.get(ticket.get_absolute_url()).content.decode()
    assert '<option value="petugas2">' in page  # offered while petugas2 works here
    stale = User.objects.get(username="petugas2")  # as a lookup read before the move holds it
    admin = Client()
    admin.force_login(users["admin"])
    _admin_moves(admin, User.objects.get(username="petugas2"), other_office)

    page = client.get(ticket.get_absolute_url()).content.decode()
    assert '<option value="petugas2">' not in page  # the cached page moved on
    response = client.post(
        f"/tiket/{ticket.reference}/ubah/",
        {
            "version": ticket.version,
            "status": "in_progress",
            "priority": ticket.priority,
            "category": "persyaratan-calon",
            "assignee": "petugas2",
            "pending_guidance": "",
        },
    )
    assert response.status_code == 400
    # the service refuses it too, even handed the User object read before the move
    with pytest.raises(services.HelpdeskError):
        services.ticket_update(
            ticket=ticket,
            actor=users["petugas1"],
            expected_version=None,
            assignee=stale,
        )
    ticket.refresh_from_db()
    assert ticket.assignee is None
    assert not OutgoingMail.objects.filter(to=stale.email).exists()
    mover = _client("petugas2")
    assert mover.get(ticket.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("username", "oversees"),
    [
        ("admin", {"ri", "12", "19", "19.02", "19.06"}),
        ("petugas-ri", {"ri", "12", "19", "19.02", "19.06"}),
        ("koordinator-prov", {"19", "19.02", "19.06"}),
        ("petugas-prov", {"19", "19.02", "19.06"}),
        ("petugas1", {"19.02"}),
        ("petugas-beltim", {"19.06"}),
        ("lo-partai-a", set()),
        (None, set()),
    ],
)
def test_who_oversees_which_desk(users, username, oversees):
    from mejabantu.accounts.access import may_oversee
    from mejabantu.offices.models import Office

    offices = Office.objects.filter(code__in=["ri", "19", "19.02", "19.06", "12"])
    user = users[username] if username else None
    assert {o.code for o in offices if may_oversee(user, o)} == oversees


def test_only_an_operator_of_the_organisation_speaks_for_it(users):
    from django.contrib.auth.models import AnonymousUser

    party_a = users["lo-partai-a"].organisation
    assert access.speaks_for(users["lo-partai-a"], party_a)
    assert access.speaks_for(users["lo-partai-a"], party_a.pk)
    assert not access.speaks_for(users["lo-partai-b"], party_a)  # another party
    assert not access.speaks_for(users["petugas1"], party_a)  # an officer has no party
    assert not access.speaks_for(AnonymousUser(), party_a)
    assert not access.speaks_for(users["lo-partai-a"], None)  # a public ticket: nobody's
