"""Errors speak the user's language and keep the site's frame."""

from django.template.loader import render_to_string


def test_a_missing_page_says_so_in_indonesian_with_the_menu(client, demo):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Halaman tidak ditemukan" in text
    assert 'href="/pengetahuan/"' in text  # the site's menu, to go on from here


def test_a_missing_page_in_english_when_chosen(client, demo):
    client.cookies["django_language"] = "en"
    assert "Page not found" in client.get("/tidak-ada-halaman-ini/").content.decode()


def test_the_server_error_page_needs_no_context():
    html = render_to_string("500.html")
    assert "Terjadi kesalahan pada server" in html and "tidak hilang" in html
