"""Questions by WhatsApp: the webhook's handshake and signature, messages taken in by the
worker as tickets or replies, files fetched and checked, officers' replies sent back through
the Graph API (a stand-in on loopback, tests/fixtures/graph_api.py), delivery statuses."""

import hashlib
import hmac
import json
import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from mejabantu.helpdesk import services
from mejabantu.helpdesk.models import Attachment, Channel, Message, Status, Ticket
from mejabantu.helpdesk.services.whatsapp_intake import whatsapp_take_in_due
from mejabantu.whatsapp.models import IncomingMessage, OutgoingMessage, WebhookEvent
from mejabantu.whatsapp.phones import normalise
from mejabantu.whatsapp.services import whatsapp_send_due
from tests.fixtures.graph_api import APP_SECRET, PHONE_NUMBER_ID, VERIFY_TOKEN
from tests.helpdesk.conftest import PNG

URL = "/whatsapp/19.02/webhook/"
RINA = "6281234567890"


def _delivery(*messages, statuses=(), name="Rina Wulandari", number=RINA) -> bytes:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6271900000", "phone_number_id": PHONE_NUMBER_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": number}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    body = {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": value}]}],
    }
    return json.dumps(body).encode()


def _text(wamid, body, number=RINA, at=None):
    return {
        "from": number,
        "id": wamid,
        "timestamp": str(int(at or time.time())),
        "type": "text",
        "text": {"body": body},
    }


def _post(client, raw: bytes, secret=APP_SECRET):
    signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    return client.post(
        URL, raw, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature
    )


def _receive(client, *messages, **kwargs):
    response = _post(client, _delivery(*messages, **kwargs))
    assert response.status_code == 200
    whatsapp_take_in_due()


def _ticket_of(wamid) -> Ticket:
    record = IncomingMessage.objects.get(wamid=wamid)
    return Ticket.objects.get(pk=int(record.topic.split(":")[1]))


def test_the_handshake_answers_the_challenge_only_with_the_verify_token(client, graph_api):
    ok = client.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "8812"}
    )
    assert ok.status_code == 200 and ok.content == b"8812"
    assert ok["Content-Type"].startswith("text/plain")
    bad = client.get(
        URL, {"hub.mode": "subscribe", "hub.verify_token": "tebakan", "hub.challenge": "8812"}
    )
    assert bad.status_code == 403 and "detail" in bad.json()
    unknown = client.get("/whatsapp/19.06/webhook/", {"hub.mode": "subscribe"})
    assert unknown.status_code == 404 and "detail" in unknown.json()


def test_a_client_over_the_rate_or_with_another_method_is_refused_in_json(
    client, graph_api, settings
):
    settings.WHATSAPP_WEBHOOK_RATE = "2/m"
    hello = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1"}
    other = client.put(URL, b"{}")
    assert other.status_code == 405 and "detail" in other.json()
    assert [client.get(URL, hello).status_code for _ in range(2)] == [200, 200]
    over = client.get(URL, hello)
    assert over.status_code == 429 and "detail" in over.json()


def test_a_bad_or_missing_signature_is_refused_and_nothing_is_stored(client, graph_api, demo):
    raw = _delivery(_text("wamid.A1", "Halo"))
    forged = _post(client, raw, secret="bukan-rahasia-kami")
    missing = client.post(URL, raw, content_type="application/json")
    assert forged.status_code == missing.status_code == 403
    assert "detail" in forged.json() and "detail" in missing.json()
    assert not WebhookEvent.objects.exists()


def test_the_webhook_only_stores_the_delivery_and_the_worker_takes_it_in(client, graph_api, demo):
    response = _post(client, _delivery(_text("wamid.A2", "Kapan pendaftaran dibuka?")))
    assert response.status_code == 200 and WebhookEvent.objects.count() == 1
    assert not IncomingMessage.objects.exists()  # not yet: the worker does the work
    whatsapp_take_in_due()
    assert WebhookEvent.objects.get().state == WebhookEvent.State.DONE


def test_a_text_from_an_unknown_number_is_a_public_ticket_answered_with_its_link(
    client, graph_api, demo
):
    _receive(client, _text("wamid.B1", "Kapan pendaftaran paslon dibuka?\nTerima kasih"))
    ticket = _ticket_of("wamid.B1")
    assert ticket.channel == Channel.WHATSAPP and ticket.organisation_id is None
    assert (ticket.requester_name, ticket.requester_phone) == ("Rina Wulandari", "+" + RINA)
    assert ticket.subject == "Kapan pendaftaran paslon dibuka?"
    assert whatsapp_send_due() == 1
    (ack,) = graph_api.sent
    assert ack["to"] == RINA and ack["type"] == "text"
    assert ticket.reference in ack["text"]["body"] and "/tiket/ikuti/" in ack["text"]["body"]
    assert ack["text"]["body"].startswith("Pertanyaan Anda diterima KPU Kabupaten Belitung")


def test_a_text_from_an_operator_s_phone_is_a_ticket_of_their_party(client, graph_api, users):
    operator = users["lo-partai-a"]
    operator.phone = "0812-3456-7890"  # written the Indonesian way; WhatsApp sends 62...
    operator.save(update_fields=["phone"])
    _receive(client, _text("wamid.C1", "Apakah B1-KWK harus asli?"))
    ticket = _ticket_of("wamid.C1")
    assert ticket.organisation_id == operator.organisation_id
    assert ticket.requester_id == operator.pk and ticket.channel == Channel.WHATSAPP


def test_a_second_message_joins_the_open_ticket_and_a_resolved_one_does_not(
    client, graph_api, users
):
    _receive(client, _text("wamid.D1", "Syarat dukungan perseorangan?"))
    ticket = _ticket_of("wamid.D1")
    _receive(client, _text("wamid.D2", "Untuk Kabupaten Belitung."))
    assert _ticket_of("wamid.D2") == ticket
    last = Message.objects.filter(ticket=ticket).latest("id")
    assert last.from_requester and last.body == "Untuk Kabupaten Belitung."
    Ticket.objects.filter(pk=ticket.pk).update(status=Status.RESOLVED)
    _receive(client, _text("wamid.D3", "Pertanyaan lain: jadwal verifikasi?"))
    assert _ticket_of("wamid.D3") != ticket
    assert Ticket.objects.filter(requester_phone="+" + RINA).count() == 2


def test_the_same_delivery_twice_makes_one_ticket(client, graph_api, demo):
    raw = _delivery(_text("wamid.E1", "Berapa persen dukungan minimal?"))
    assert _post(client, raw).status_code == 200
    assert _post(client, raw).status_code == 200
    whatsapp_take_in_due()
    assert IncomingMessage.objects.filter(wamid="wamid.E1").count() == 1
    assert Ticket.objects.filter(requester_phone="+" + RINA).count() == 1
    assert WebhookEvent.objects.filter(state=WebhookEvent.State.DONE).count() == 2


def test_an_image_is_fetched_through_the_api_and_attached(client, graph_api, demo):
    graph_api.add_media("MEDIA-PNG-1", PNG, "image/png")
    image = {
        "from": RINA,
        "id": "wamid.F1",
        "timestamp": str(int(time.time())),
        "type": "image",
        "image": {"id": "MEDIA-PNG-1", "mime_type": "image/png", "caption": "Foto KTP"},
    }
    _receive(client, image)
    ticket = _ticket_of("wamid.F1")
    (attachment,) = Attachment.objects.filter(ticket=ticket)
    assert attachment.file.read() == PNG and ticket.body == "Foto KTP"
    assert graph_api.refused == []


def test_an_exe_document_is_refused_said_in_a_reply_and_the_ticket_kept(client, graph_api, demo):
    graph_api.add_media("MEDIA-EXE-1", b"MZ\x90\x00" + b"\x00" * 200, "application/octet-stream")
    document = {
        "from": RINA,
        "id": "wamid.G1",
        "timestamp": str(int(time.time())),
        "type": "document",
        "document": {
            "id": "MEDIA-EXE-1",
            "filename": "formulir.exe",
            "mime_type": "application/octet-stream",
            "caption": "Formulir pendaftaran",
        },
    }
    _receive(client, document)
    ticket = _ticket_of("wamid.G1")
    assert not Attachment.objects.filter(ticket=ticket).exists()
    assert "formulir.exe" in IncomingMessage.objects.get(wamid="wamid.G1").note
    whatsapp_send_due()
    bodies = [m["text"]["body"] for m in graph_api.sent]
    assert any("formulir.exe" in b and ticket.reference in b for b in bodies)


def test_an_officer_s_reply_inside_24_hours_goes_as_text(client, graph_api, users):
    _receive(client, _text("wamid.H1", "Kapan batas akhir pendaftaran?"))
    ticket = _ticket_of("wamid.H1")
    whatsapp_send_due()  # the acknowledgement
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Tanggal 29 Agustus 2024.")
    assert whatsapp_send_due() == 1
    reply = graph_api.sent[-1]
    assert reply["type"] == "text" and reply["to"] == RINA
    assert "Tanggal 29 Agustus 2024." in reply["text"]["body"]
    assert ticket.reference in reply["text"]["body"]
    sent = OutgoingMessage.objects.latest("id")
    assert sent.sent_as == "text" and sent.wamid == "wamid.OUT2"


def test_an_officer_s_reply_after_24_hours_goes_as_the_template(client, graph_api, users):
    long_ago = time.time() - 25 * 3600
    _receive(client, _text("wamid.I1", "Apakah ijazah harus dilegalisir?", at=long_ago))
    ticket = _ticket_of("wamid.I1")
    OutgoingMessage.objects.all().delete()  # the acknowledgement, long sent
    services.message_add(ticket=ticket, actor=users["petugas1"], body="Ya, dilegalisir.")
    assert whatsapp_send_due() == 1
    (reply,) = graph_api.sent
    assert reply["type"] == "template" and reply["template"]["name"] == "mejabantu_balasan"
    params = [p["text"] for p in reply["template"]["components"][0]["parameters"]]
    assert params[0] == ticket.reference and params[1].startswith("http")


def test_a_failed_send_is_retried_later_and_its_error_kept(client, graph_api, users):
    _receive(client, _text("wamid.J1", "Halo"))
    graph_api.fail_next = 1
    assert whatsapp_send_due() == 0
    message = OutgoingMessage.objects.get()
    assert message.state == OutgoingMessage.State.PENDING and "503" in message.last_error
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        assert whatsapp_send_due() == 1


def test_delivered_and_read_statuses_are_recorded_on_the_message(client, graph_api, users):
    _receive(client, _text("wamid.K1", "Halo"))
    whatsapp_send_due()
    sent = OutgoingMessage.objects.get()
    now = int(time.time())
    read = {"id": sent.wamid, "status": "read", "timestamp": str(now + 60), "recipient_id": RINA}
    delivered = {"id": sent.wamid, "status": "delivered", "timestamp": str(now)}
    _receive(client, statuses=[delivered])
    sent.refresh_from_db()
    assert sent.delivery == "delivered" and sent.delivered_at is not None
    _receive(client, statuses=[read, delivered])  # late and repeated: never back to delivered
    sent.refresh_from_db()
    assert sent.delivery == "read" and sent.read_at > sent.delivered_at


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("+62 812-3456-7890", RINA),
        ("0812 3456 7890", RINA),
        ("6281234567890", RINA),
        ("812-3456-7890", RINA),
        ("0062 812 3456 7890", RINA),
        ("", ""),
    ],
)
def test_phone_numbers_are_written_the_way_whatsapp_sends_them(written, number):
    assert normalise(written) == number
