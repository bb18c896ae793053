import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings
from django.utils import timezone

from mejabantu.accounts.models import User


def _login(client, username, password):
    return client.post("/akun/masuk/", {"username": username, "password": password})


ARGON2_FIRST = override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)


@ARGON2_FIRST
def test_passwords_are_hashed_with_argon2(db):
    user = User.objects.create_user("petugas-baru", password="Belitung-baru-2024!")
    assert identify_hasher(user.password).algorithm == "argon2"
    assert user.check_password("Belitung-baru-2024!")


def test_demo_account_signs_in_in_demo_mode(client, users, settings):
    settings.DEMO_MODE = True
    response = _login(client, "petugas1", "mejabantu-demo")
    assert response.status_code == 302


def test_demo_account_refused_when_demo_mode_is_off(client, users, settings):
    settings.DEMO_MODE = False
    response = _login(client, "petugas1", "mejabantu-demo")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_account_even_with_the_right_password(client, users, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "lo-partai-a", "wrong-password")
    response = _login(client, "lo-partai-a", "mejabantu-demo")
    assert response.status_code == 429
    assert "dikunci" in response.content.decode().lower()
    assert "_auth_user_id" not in client.session


def test_password_change_signs_out_other_sessions_and_api_tokens(client, users, django_user_model):
    from django.test import Client

    other = Client()
    assert _login(other, "petugas2", "mejabantu-demo").status_code == 302
    token = client.post(
        "/api/v1/auth/token",
        {"username": "petugas2", "password": "mejabantu-demo"},
        content_type="application/json",
    ).json()["token"]
    assert _login(client, "petugas2", "mejabantu-demo").status_code == 302
    response = client.post(
        "/akun/kata-sandi/",
        {
            "old_password": "mejabantu-demo",
            "new_password1": "Belitung-baru-2024!",
            "new_password2": "Belitung-baru-2024!",
        },
    )
    assert response.status_code == 302
    assert client.get("/akun/kata-sandi/").status_code == 200  # still signed in here
    assert other.get("/akun/kata-sandi/").status_code == 302  # the other session ended
    api = client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 401


def test_password_reset_sends_a_working_link_even_when_the_mail_server_was_down(
    client, users, mailbox
):
    from mejabantu.mail.services import mail_send_due

    users["lo-partai-b"].email = "andi@partai-b.example"
    users["lo-partai-b"].save()
    mailbox.fail_next = 1  # the mail server refuses the first try
    client.post("/akun/lupa-kata-sandi/", {"email": "andi@partai-b.example"})
    assert mailbox.messages == []  # written to the outbox, not sent inside the request
    mail_send_due()
    assert mailbox.messages == []
    from mejabantu.mail.models import OutgoingMail

    OutgoingMail.objects.update(next_attempt_at=timezone.now())  # the retry's time came
    mail_send_due()
    messages = mailbox.wait_for(1)
    assert len(messages) == 1
    body = mailbox.body(messages[0])
    link = next(line for line in body.splitlines() if "/akun/atur-ulang/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {
            "new_password1": "Gerindra-baru-2024!",
            "new_password2": "Gerindra-baru-2024!",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="lo-partai-b").check_password("Gerindra-baru-2024!")


@pytest.mark.parametrize("password", ["wrong", ""])
def test_api_token_refuses_bad_credentials(client, users, password):
    response = client.post(
        "/api/v1/auth/token",
        {"username": "petugas1", "password": password},
        content_type="application/json",
    )
    assert response.status_code in (401, 422)
    assert "detail" in response.json()


def test_a_wrong_password_is_refused_in_plain_indonesian_and_keeps_the_username(client, users):
    response = _login(client, "petugas1", "bukan-sandinya")
    page = response.content.decode()
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "Nama pengguna atau kata sandi salah" in page
    assert "nama pengguna nama pengguna" not in page.lower()  # Django's own text, doubled
    assert 'role="alert"' in page and 'value="petugas1"' in page
