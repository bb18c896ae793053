"""Publishing a guidance (juknis) answer also as a knowledge-base answer: from the item's page
and from the API, in one transaction with the publishing; the public search finds it and
every linked ticket still gets the reply once."""

import uuid
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Message, Ticket
from mejabantu.helpdesk.services import guidance as guidance_services
from mejabantu.knowledge import demo as knowledge_demo
from mejabantu.knowledge.models import Answer, PendingGuidance
from mejabantu.knowledge.services import pending_guidance_create

REGULATIONS = Path(__file__).parent.parent / "knowledge" / "fixtures" / "regulations.json"
TITLE = "Menunggu juknis: penghitungan usia calon setelah putusan MK 70"
BODY = (
    "Syarat usia calon dihitung pada tanggal penetapan pasangan calon, 22 September 2024: "
    "paling rendah 30 tahun untuk calon gubernur dan wakil gubernur, 25 tahun untuk calon "
    "bupati, wakil bupati, wali kota dan wakil wali kota."
)
CHECKBOX = "Terbitkan juga sebagai jawaban basis pengetahuan"


@pytest.fixture
def waiting(users, office, network):
    """KPU RI's open item with a ticket of Belitung and one of Belitung Timur linked to it."""
    knowledge_demo.load_regulations(REGULATIONS)
    ri_coordinator = users["koordinator-ri"]
    item = pending_guidance_create(title=TITLE, office=network.ri, user=ri_coordinator)
    tickets = []
    for officer, desk in ((users["petugas1"], office), (network.beltim_officer, network.beltim)):
        ticket, _created = services.ticket_create(
            actor=officer,
            office=desk,
            subject="Usia calon setelah putusan MK 70",
            body="Sejak kapan usia calon dihitung setelah putusan MK 70?",
            category="persyaratan-calon",
            channel="desk",
            requester_name="Pemohon",
            requester_email=f"pemohon-{desk.code}@contoh.id",
            idempotency_key=uuid.uuid4(),
        )
        guidance_services.ticket_guidance_link(ticket=ticket, item=item, actor=officer)
        tickets.append(ticket)
    return item, tickets


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _token(client: Client, username: str) -> dict:
    response = client.post(
        "/api/v1/auth/token",
        {"username": username, "password": "mejabantu-demo"},
        content_type="application/json",
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}


def _replies_of(ticket: Ticket) -> list[Message]:
    return list(ticket.messages.filter(internal=False, body__contains=BODY[:40]))


def _sent_once(tickets: list[Ticket]) -> None:
    guidance_services.guidance_resume()  # the worker
    guidance_services.guidance_resume()  # and again, as after a restart: no second reply
    for ticket in tickets:
        assert len(_replies_of(ticket)) == 1
        ticket.refresh_from_db()
        assert ticket.pending_guidance is None


def test_the_coordinator_publishes_the_juknis_also_as_a_knowledge_answer_from_the_page(
    waiting, users, client
):
    item, tickets = waiting
    coordinator = _signed_in(users["koordinator-ri"])
    page = coordinator.get(item.get_absolute_url()).content.decode()
    assert CHECKBOX in page
    response = coordinator.post(
        item.get_absolute_url(),
        {
            "body": BODY,
            "citations": "uu-10-2016/7/2/e",
            "publish_as_answer": "on",
            "answer_category": "persyaratan-calon",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    answer = item.resolved_by
    assert answer is not None and answer.state == Answer.State.PUBLISHED
    assert answer.question == "Penghitungan usia calon setelah putusan MK 70"
    assert (answer.office.code, answer.category, answer.version) == ("ri", "persyaratan-calon", 1)
    assert answer.body == BODY
    assert [c.key for c in answer.citations.all()] == ["uu-10-2016/7/2/e"]
    _sent_once(tickets)
    # anyone finds it in the public knowledge base, and the item's page points to it
    found = client.get("/pengetahuan/", {"q": "penghitungan usia calon putusan MK"})
    assert answer.get_absolute_url() in found.content.decode()
    assert client.get(answer.get_absolute_url()).status_code == 200
    shown = client.get(item.get_absolute_url()).content.decode()
    assert f'href="{answer.get_absolute_url()}"' in shown


def test_an_officer_publishes_the_juknis_but_not_into_the_knowledge_base(waiting, users):
    item, tickets = waiting
    officer = _signed_in(users["petugas-ri"])
    page = officer.get(item.get_absolute_url()).content.decode()
    assert CHECKBOX not in page
    before = Answer.objects.count()
    assert "Koordinator kantor ini dapat juga menerbitkannya" in page
    with pytest.raises(PermissionDenied):  # the knowledge base's own rule, checked there
        guidance_services.guidance_answer_publish(
            item=item, actor=users["petugas-ri"], body=BODY, publish_as_answer=True
        )
    item.refresh_from_db()  # one transaction: nothing was published
    assert item.state == PendingGuidance.State.OPEN and Answer.objects.count() == before
    response = officer.post(item.get_absolute_url(), {"body": BODY, "publish_as_answer": "on"})
    assert response.status_code == 302  # the juknis itself is the officer's to publish
    item.refresh_from_db()
    assert item.state == PendingGuidance.State.ANSWERING and item.resolved_by is None
    _sent_once(tickets)


def test_the_api_publishes_it_as_a_knowledge_answer_and_names_it(waiting, client):
    item, tickets = waiting
    ri = _token(client, "koordinator-ri")
    url = f"/api/v1/guidance/{item.pk}/answer"
    before = Answer.objects.count()
    wrong = client.post(
        url,
        {"body": BODY, "publish_as_answer": True, "answer_category": "tidak-ada"},
        content_type="application/json",
        **ri,
    )
    assert wrong.status_code == 422 and "answer_category" in wrong.json()["detail"]
    assert Answer.objects.count() == before
    response = client.post(
        url,
        {
            "body": BODY,
            "citations": ["uu-10-2016/7/2/e"],
            "publish_as_answer": True,
            "answer_category": "persyaratan-calon",
        },
        content_type="application/json",
        **ri,
    )
    assert response.status_code == 202, response.content
    data = response.json()
    assert data["linked"] == 2
    made = data["knowledge_answer"]
    answer = Answer.objects.get(pk=made["id"])
    assert made["slug"] == answer.slug and made["url"].endswith(answer.get_absolute_url())
    assert answer.state == Answer.State.PUBLISHED and answer.office.code == "ri"
    _sent_once(tickets)
    results = client.get(
        "/api/v1/knowledge/search", {"q": "penghitungan usia calon putusan MK", "kind": "answer"}
    ).json()["results"]
    assert any(r["url"].endswith(answer.get_absolute_url()) for r in results)
    again = client.get(f"/api/v1/guidance/{item.pk}", **ri).json()
    assert again["state"] == "resolved" and again["knowledge_answer"]["slug"] == answer.slug


def test_the_api_refuses_an_officer_s_knowledge_answer_and_publishes_nothing(waiting, client):
    item, _tickets = waiting
    before = Answer.objects.count()
    response = client.post(
        f"/api/v1/guidance/{item.pk}/answer",
        {"body": BODY, "publish_as_answer": True},
        content_type="application/json",
        **_token(client, "petugas-ri"),
    )
    assert response.status_code == 403 and "koordinator" in response.json()["detail"]
    item.refresh_from_db()
    assert item.state == PendingGuidance.State.OPEN and Answer.objects.count() == before


def test_the_openapi_document_describes_publish_as_answer(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "publish_as_answer" in schemas["AnswerIn"]["properties"]
    assert "knowledge_answer" in schemas["GuidanceOut"]["properties"]


def test_a_published_juknis_links_to_a_prefilled_draft_rule_set(waiting, users):
    from mejabantu.candidacy.models import RuleSet
    from mejabantu.candidacy.selectors import rule_set_current
    from mejabantu.candidacy.services import rule_sets_sync_shipped

    rule_sets_sync_shipped()
    item, _tickets = waiting
    coordinator = _signed_in(users["koordinator-ri"])
    before = coordinator.get(item.get_absolute_url()).content.decode()
    assert 'data-testid="draft-rule-set"' not in before  # not while it waits
    guidance_services.guidance_answer_publish(item=item, actor=users["koordinator-ri"], body=BODY)
    page = coordinator.get(item.get_absolute_url()).content.decode()
    assert 'data-testid="draft-rule-set"' in page
    officer_page = _signed_in(users["petugas-ri"]).get(item.get_absolute_url()).content.decode()
    assert 'data-testid="draft-rule-set"' not in officer_page  # drafting is a coordinator's
    current = rule_set_current()
    link = f"/pencalonan/aturan/{current.code}/?kode=juknis-{item.pk}"
    assert link in page
    form = coordinator.get(f"{link}&nama=Juknis+usia").content.decode()
    assert f'value="juknis-{item.pk}"' in form and 'value="Juknis usia"' in form
    copied = coordinator.post(
        f"/pencalonan/aturan/{current.code}/salin/",
        {"code": f"juknis-{item.pk}", "name": "Juknis KPU RI: penghitungan usia calon"},
    )
    assert copied.status_code == 302
    draft = RuleSet.objects.get(code=f"juknis-{item.pk}")
    assert draft.status == RuleSet.Status.DRAFT and draft.based_on == current
    assert draft.office.code == "ri"
