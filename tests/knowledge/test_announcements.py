"""Announcements (sosialisasi): staff of an office write and publish them; the public reads them."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from mejabantu.knowledge import selectors, services
from mejabantu.knowledge.models import Announcement, AnnouncementAttachment

# A minimal valid PDF and PNG (the checker looks at the bytes, not the name).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
    b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PNG = bytes.fromhex(  # a whole 1×1 PNG: header, one data chunk, end
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 64

CREATE = reverse("knowledge:announcement_create")
MANAGE = reverse("knowledge:announcement_manage")


def upload(name: str, content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client_of(users):
    def make(username: str) -> Client:
        client = Client()
        client.force_login(users[username])
        return client

    return make


@pytest.fixture
def other_officer(demo):
    from mejabantu.accounts.models import User
    from mejabantu.offices.models import Office

    other = Office.objects.get(code="19.01")  # KPU Kabupaten Bangka, of the demo network
    return User.objects.create_user(
        "petugas-bangka", password="x-Bangka-2024!", role="officer", office=other
    )


@pytest.fixture
def draft(users, office):
    return services.announcement_create(
        office=office,
        title="Sosialisasi syarat dukungan perseorangan",
        body="Bertempat di aula KPU.",
        uploads=[upload("undangan.pdf")],
        user=users["petugas1"],
    )


def test_officer_creates_and_publishes_announcement_with_pdf_and_public_downloads_it(
    client_of, office
):
    officer = client_of("petugas1")
    response = officer.post(
        CREATE,
        {
            "title": "Sosialisasi pencalonan",
            "body": "Tata cara pendaftaran pasangan calon.",
            "held_on": "2024-08-20",
            "published": "on",
            "attachments": [upload("materi.pdf"), upload("foto.png", PNG)],
        },
    )
    item = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:announcement_edit", kwargs={"pk": item.pk})
    assert (item.slug, item.office, item.published) == ("sosialisasi-pencalonan", office, True)
    assert sorted(a.name for a in item.attachments.all()) == ["foto.png", "materi.pdf"]

    public = Client()
    assert "Sosialisasi pencalonan" in public.get(reverse("knowledge:announcements")).text
    page = public.get(item.get_absolute_url())
    assert page.status_code == 200
    pdf = item.attachments.get(name="materi.pdf")
    link = reverse("knowledge:announcement_attachment", kwargs={"slug": item.slug, "pk": pdf.pk})
    assert link in page.text
    download = public.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="materi.pdf"' in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gambar.pdf", PNG, "does not match its name"),
        ("setup.exe", EXE, "is not a PDF, JPG, PNG, DOCX or XLSX document"),
    ],
)
def test_refused_file_is_named_form_keeps_text_and_nothing_is_created(
    client_of, settings, name, content, message
):
    settings.LANGUAGE_CODE = "en"
    officer = client_of("petugas1")
    response = officer.post(
        CREATE,
        {
            "title": "Sosialisasi tahapan kampanye",
            "body": "Teks yang sudah diketik panjang-panjang.",
            "attachments": [upload("baik.pdf"), upload(name, content)],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert any(name in e and message in e for e in errors["attachments"])
    assert "baik.pdf" not in " ".join(errors["attachments"])
    assert f"The file {name}" in response.text
    assert 'value="Sosialisasi tahapan kampanye"' in response.text
    assert "Teks yang sudah diketik panjang-panjang." in response.text
    assert not Announcement.objects.exists()
    assert not AnnouncementAttachment.objects.exists()


def test_refused_message_is_in_indonesian_by_default(client_of):
    response = client_of("petugas1").post(
        CREATE, {"title": "Sosialisasi", "attachments": [upload("setup.exe", EXE)]}
    )
    assert "setup.exe" in response.text
    assert "Tidak ada yang disimpan" in response.text


def test_refused_file_on_edit_leaves_announcement_unchanged(client_of, draft):
    url = reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk})
    response = client_of("petugas1").post(
        url, {"title": "Judul baru", "body": "", "attachments": [upload("x.pdf", PNG)]}
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.title == "Sosialisasi syarat dukungan perseorangan"
    assert [a.name for a in draft.attachments.all()] == ["undangan.pdf"]


def test_slug_comes_from_title_and_clashes_get_a_number(users, office):
    make = lambda: services.announcement_create(  # noqa: E731
        office=office, title="Rapat Koordinasi", user=users["petugas1"]
    )
    assert [make().slug for _ in range(3)] == [
        "rapat-koordinasi",
        "rapat-koordinasi-2",
        "rapat-koordinasi-3",
    ]


def test_editing_keeps_the_address_and_coordinator_can_edit_too(client_of, draft):
    url = reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk})
    response = client_of("koordinator").post(
        url, {"title": "Judul diubah", "body": "Isi baru", "published": "on"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.slug, draft.published) == (
        "Judul diubah",
        "sosialisasi-syarat-dukungan-perseorangan",
        True,
    )


def test_unpublished_announcement_is_hidden_from_the_public(draft):
    public = Client()
    assert draft.title not in public.get(reverse("knowledge:announcements")).text
    assert public.get(draft.get_absolute_url()).status_code == 404
    file = draft.attachments.get()
    link = reverse("knowledge:announcement_attachment", kwargs={"slug": draft.slug, "pk": file.pk})
    assert public.get(link).status_code == 404
    assert draft not in selectors.announcements_published()


def test_staff_download_a_draft_file_from_the_management_page(client_of, draft):
    officer = client_of("petugas1")
    page = officer.get(reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk}))
    file = draft.attachments.get()
    link = reverse(
        "knowledge:announcement_staff_attachment",
        kwargs={"pk": draft.pk, "attachment": file.pk},
    )
    assert link in page.text
    response = officer.get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_publish_and_unpublish_from_the_list(client_of, draft):
    officer = client_of("petugas1")
    url = reverse("knowledge:announcement_publish", kwargs={"pk": draft.pk})
    assert officer.post(url, {"published": "1"}).status_code == 302
    assert Client().get(draft.get_absolute_url()).status_code == 200
    officer.post(url, {"published": "0"})
    assert Client().get(draft.get_absolute_url()).status_code == 404


def test_remove_an_attachment_deletes_the_file(
    client_of, draft, django_capture_on_commit_callbacks
):
    file = draft.attachments.get()
    path = file.file.path
    url = reverse(
        "knowledge:announcement_attachment_remove",
        kwargs={"pk": draft.pk, "attachment": file.pk},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of("petugas1").post(url)
    assert response.status_code == 302
    assert not draft.attachments.exists()
    assert not os.path.exists(path)


def test_officer_of_another_office_gets_404(client, other_officer, draft):
    client.force_login(other_officer)
    file = draft.attachments.get()
    kw = {"pk": draft.pk, "attachment": file.pk}
    assert (
        client.get(reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk})).status_code
        == 404
    )
    assert (
        client.post(
            reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk}), {"title": "Diretas"}
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("knowledge:announcement_staff_attachment", kwargs=kw)).status_code == 404
    )
    assert (
        client.post(reverse("knowledge:announcement_attachment_remove", kwargs=kw)).status_code
        == 404
    )
    assert (
        client.post(
            reverse("knowledge:announcement_publish", kwargs={"pk": draft.pk}), {"published": "1"}
        ).status_code
        == 404
    )
    assert draft.title not in client.get(MANAGE).text
    draft.refresh_from_db()
    assert (draft.title, draft.published, draft.attachments.count()) == (
        "Sosialisasi syarat dukungan perseorangan",
        False,
        1,
    )


def test_staff_list_shows_only_own_office(users, other_officer, draft):
    assert list(selectors.announcements_for_staff(user=users["petugas1"])) == [draft]
    assert list(selectors.announcements_for_staff(user=other_officer)) == []


@pytest.mark.parametrize("name", ["announcement_manage", "announcement_create"])
def test_anonymous_is_sent_to_sign_in(client, demo, name):
    response = client.get(reverse(f"knowledge:{name}"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_anonymous_is_sent_to_sign_in_for_edit(client, draft):
    response = client.get(reverse("knowledge:announcement_edit", kwargs={"pk": draft.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_party_operator_cannot_manage_announcements(client_of, draft):
    operator = client_of("lo-partai-a")
    assert operator.get(MANAGE).status_code == 404
    assert operator.get(CREATE).status_code == 404
    assert "Kelola pengumuman" not in operator.get(reverse("knowledge:announcements")).text


def test_links_to_management_from_manage_page_and_public_list(client_of, demo):
    officer = client_of("petugas1")
    assert MANAGE in officer.get(reverse("knowledge:manage")).text
    public_list = officer.get(reverse("knowledge:announcements")).text
    assert MANAGE in public_list
    assert "Kelola pengumuman" in public_list
    assert MANAGE not in Client().get(reverse("knowledge:announcements")).text


def test_post_without_csrf_token_is_refused(users, demo):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["petugas1"])
    response = client.post(CREATE, {"title": "Tanpa token"})
    assert response.status_code == 403
    assert not Announcement.objects.exists()


def test_staff_list_query_count_does_not_grow_with_announcements(client_of, office):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officer = client_of("petugas1")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(MANAGE).status_code == 200
        return len(queries)

    services.announcement_create(office=office, title="Pengumuman 0", uploads=[upload("0.pdf")])
    one = count()
    for i in range(1, 6):
        services.announcement_create(
            office=office, title=f"Pengumuman {i}", uploads=[upload(f"{i}.pdf")]
        )
    assert count() == one


def test_too_many_files_at_once_are_refused_and_nothing_is_created(client_of):
    officer = client_of("petugas1")
    response = officer.post(
        CREATE,
        {
            "title": "Materi bimtek pencalonan",
            "attachments": [upload(f"materi-{i}.pdf") for i in range(11)],
        },
    )
    assert response.status_code == 200
    assert "paling banyak 10 berkas" in response.text
    assert 'value="Materi bimtek pencalonan"' in response.text
    assert not Announcement.objects.exists()
