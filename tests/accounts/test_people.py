"""People without the Django admin (issue 19): an administrator invites an office's first
coordinator by e-mail, a coordinator invites and manages its own office's officers; the mail
really goes out by SMTP through the outbox, and its link sets the password and signs in."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from mejabantu.accounts import services
from mejabantu.accounts.models import AccountChange, User
from mejabantu.accounts.services import api_token_issue
from mejabantu.mail.services import mail_send_due
from mejabantu.offices.models import Office

PASSWORD = "Belitung-Timur-2024!"


def _signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _link(mailbox, address: str) -> str:
    mail_send_due()
    (message,) = mailbox.to(address)
    body = mailbox.body(message)
    return re.search(r"https?://[^/\s]+(/akun/undangan/\S+/)", body).group(1)


@pytest.fixture
def province(demo):
    return Office.objects.get(code="19")


@pytest.fixture
def bangka_coordinator(other_office):
    return User.objects.create_user(
        "koordinator-bangka", password="x-Bangka-2024!", role="coordinator", office=other_office
    )


def test_admin_invites_a_first_coordinator_who_sets_a_password_and_is_signed_in(
    mailbox, users, province
):
    admin = _signed_in("admin")
    r = admin.post(
        "/akun/undang/",
        {
            "name": "Rina Marlina",
            "email": "Rina@KPU-Babel.example",
            "office": "19",
            "role": "coordinator",
        },
    )
    assert r.status_code == 302 and r["Location"] == "/akun/kantor/19/orang/"
    person = User.objects.get(email="rina@kpu-babel.example")
    assert person.role == "coordinator" and person.office == province
    assert not person.has_usable_password()

    link = _link(mailbox, "rina@kpu-babel.example")
    (message,) = mailbox.messages
    assert "Akun Mejabantu Anda di KPU Provinsi" in message["Subject"]
    assert "Nama pengguna: rina@kpu-babel.example" in mailbox.body(message)

    guest = Client()
    form_page = guest.get(link, follow=True)
    assert "Atur kata sandi Anda" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    weak = guest.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
    assert weak.status_code == 200
    assert "terlalu pendek" in weak.content.decode()  # Django's validators, in Indonesian
    r = guest.post(set_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert r.status_code == 302 and r["Location"] == "/"
    assert guest.session["_auth_user_id"] == str(person.pk)  # signed in
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert (
        Client()
        .post("/akun/masuk/", {"username": person.username, "password": PASSWORD})
        .status_code
        == 302
    )
    # the link worked once
    assert "Tautan sudah tidak berlaku" in Client().get(link, follow=True).content.decode()
    change = AccountChange.objects.get(person=person)
    assert (change.actor, change.action, change.after) == (users["admin"], "invited", "coordinator")


def test_the_password_is_stored_with_argon2(settings, users, office):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    person = services.user_invite(
        actor=users["koordinator"], office=office, name="Yuni", email="yuni@belitung.example"
    )
    from django.contrib.auth.forms import SetPasswordForm

    form = SetPasswordForm(person, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert form.is_valid()
    form.save()
    assert person.password.startswith("argon2$")


def test_the_link_expires_after_password_reset_timeout(mailbox, users, office):
    services.user_invite(
        actor=users["koordinator"], office=office, name="Tono", email="tono@belitung.example"
    )
    link = _link(mailbox, "tono@belitung.example")
    timeout = timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    # a day either side (time_machine moves naive local time by the zone offset too)
    with time_machine.travel(timezone.now() + timeout - timedelta(days=1)):
        assert "new_password1" in Client().get(link, follow=True).content.decode()
    with time_machine.travel(timezone.now() + timeout + timedelta(days=1)):
        page = Client().get(link, follow=True).content.decode()
    assert "Tautan sudah tidak berlaku" in page
    assert "new_password1" not in page


def test_a_coordinator_invites_an_officer_of_its_own_office_only(users, office, other_office):
    coordinator = _signed_in("koordinator")
    page = coordinator.get("/akun/undang/").content.decode()
    assert 'value="19.02" selected' in page and 'value="19.01"' not in page
    assert '<option value="">' not in page  # its own office, nothing to choose
    r = coordinator.post(
        "/akun/undang/",
        {"name": "Lina", "email": "lina@bangka.example", "office": "19.01", "role": "officer"},
    )
    assert r.status_code == 400
    assert not User.objects.filter(email="lina@bangka.example").exists()
    r = coordinator.post(
        "/akun/undang/",
        {"name": "Lina", "email": "lina@belitung.example", "office": "19.02", "role": "officer"},
    )
    assert r.status_code == 302
    assert User.objects.get(email="lina@belitung.example").office == office


def test_a_duplicate_e_mail_is_explained_and_what_was_typed_is_kept(users):
    r = _signed_in("koordinator").post(
        "/akun/undang/",
        {
            "name": "Siti Lagi",
            "email": users["petugas1"].email.upper(),
            "office": "19.02",
            "role": "officer",
        },
    )
    html = r.content.decode()
    assert r.status_code == 400
    assert "Sudah ada akun dengan alamat surel ini." in html
    assert 'value="Siti Lagi"' in html


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("koordinator", 200),
        ("admin", 200),
        ("petugas1", 403),
        ("lo-partai-a", 404),
        ("koordinator-bangka", 404),
        ("petugas-bangka", 404),
    ],
)
def test_only_the_office_coordinator_and_administrators_manage_its_people(
    bangka_coordinator, username, status, users
):
    client = _signed_in(username)
    assert client.get("/akun/kantor/19.02/orang/").status_code == status
    petugas2 = users["petugas2"]
    r = client.post(f"/akun/kantor/19.02/orang/{petugas2.pk}/deactivate/")
    assert r.status_code == (302 if status == 200 else status)
    petugas2.refresh_from_db()
    assert petugas2.is_active is (status != 200)


def test_visitors_are_sent_to_sign_in_and_invitations_need_a_manager(bangka_coordinator):
    assert Client().get("/akun/kantor/19.02/orang/")["Location"].startswith("/akun/masuk/")
    for username in ("petugas1", "lo-partai-a"):
        assert _signed_in(username).get("/akun/undang/").status_code == 404


def test_a_person_of_another_office_is_not_found_through_ones_own(users, bangka_coordinator):
    petugas1 = users["petugas1"]
    r = _signed_in("koordinator-bangka").post(f"/akun/kantor/19.01/orang/{petugas1.pk}/deactivate/")
    assert r.status_code == 404
    petugas1.refresh_from_db()
    assert petugas1.is_active


def test_the_last_active_coordinator_cannot_leave_the_office_without_one(users):
    client = _signed_in("koordinator")
    me = users["koordinator"]
    r = client.post(f"/akun/kantor/19.02/orang/{me.pk}/deactivate/", follow=True)
    assert "koordinator aktif terakhir" in r.content.decode()
    r = client.post(f"/akun/kantor/19.02/orang/{me.pk}/role/", {"role": "officer"}, follow=True)
    assert "koordinator aktif terakhir" in r.content.decode()
    me.refresh_from_db()
    assert me.is_active and me.role == "coordinator"
    # with a second coordinator the first may step down
    client.post(f"/akun/kantor/19.02/orang/{users['petugas1'].pk}/role/", {"role": "coordinator"})
    client.post(f"/akun/kantor/19.02/orang/{me.pk}/role/", {"role": "officer"})
    me.refresh_from_db()
    assert me.role == "officer"


def test_a_deactivated_account_cannot_sign_in_until_reactivated(users):
    petugas2 = users["petugas2"]
    token = api_token_issue(user=petugas2)
    client = _signed_in("koordinator")
    client.post(f"/akun/kantor/19.02/orang/{petugas2.pk}/deactivate/")
    login = {"username": "petugas2", "password": settings.DEMO_PASSWORD}
    assert Client().post("/akun/masuk/", login).status_code == 200  # refused
    headers = {"Authorization": f"Bearer {token}"}
    assert Client().get("/api/v1/tickets", headers=headers).status_code == 401
    assert User.objects.filter(pk=petugas2.pk).exists()  # kept, never deleted
    client.post(f"/akun/kantor/19.02/orang/{petugas2.pk}/reactivate/")
    assert Client().post("/akun/masuk/", login).status_code == 302


def test_on_duty_and_role_changes_are_audited_and_shown(users):
    client = _signed_in("koordinator")
    petugas2 = users["petugas2"]
    client.post(f"/akun/kantor/19.02/orang/{petugas2.pk}/on-duty/", {"on_duty": "0"})
    client.post(f"/akun/kantor/19.02/orang/{petugas2.pk}/role/", {"role": "coordinator"})
    petugas2.refresh_from_db()
    assert petugas2.on_duty is False and petugas2.role == "coordinator"
    actions = list(
        AccountChange.objects.filter(person=petugas2).values_list("actor__username", "action")
    )
    assert actions == [("koordinator", "role"), ("koordinator", "on_duty")]
    page = client.get("/akun/kantor/19.02/orang/").content.decode()
    assert "petugas → koordinator" in page
    assert "bertugas → tidak bertugas" in page


def test_an_invitation_is_sent_again_until_a_password_is_set(mailbox, users, office):
    person = services.user_invite(
        actor=users["koordinator"], office=office, name="Eka", email="eka@belitung.example"
    )
    client = _signed_in("koordinator")
    client.post(f"/akun/kantor/19.02/orang/{person.pk}/resend/")
    mail_send_due()
    assert len(mailbox.to("eka@belitung.example")) == 2
    r = client.post(f"/akun/kantor/19.02/orang/{users['petugas1'].pk}/resend/", follow=True)
    assert "sudah mengatur kata sandi" in r.content.decode()


def test_every_people_form_needs_the_csrf_token(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["koordinator"])
    assert (
        client.post(f"/akun/kantor/19.02/orang/{users['petugas2'].pk}/deactivate/").status_code
        == 403
    )
    assert client.post("/akun/undang/", {"name": "x", "email": "x@x.example"}).status_code == 403
