"""/laporan/: the figures, charts and tables, the office picker, the downloads, who sees it."""

import io
import re

import pytest
import time_machine

from tests.reports.conftest import at
from tests.reports.test_figures import august_at_belitung

SEPTEMBER_2 = at(2024, 9, 2, 10, 0)
AUGUST = {"date_from": "2024-08-01", "date_to": "2024-08-31"}


def page(client, user, path="/laporan/", **params):
    client.force_login(user)
    with time_machine.travel(SEPTEMBER_2, tick=False):
        return client.get(path, params)


def test_the_coordinator_reads_the_months_figures_charts_and_tables(client, users, desk, office):
    august_at_belitung(desk, office)
    response = page(client, users["koordinator"], **AUGUST)
    assert response.status_code == 200
    html = response.content.decode()
    figure = re.search(r'data-testid="figure-first_response_median".*?</div>', html, re.S)[0]
    assert "60,0 <small>menit kerja</small>" in figure and "Cara menghitung" in figure
    assert re.search(r'data-testid="figure-sla_first_response".*?75,0 <small>%</small>', html, re.S)
    assert re.search(r'data-testid="figure-received".*?>4<', html, re.S)
    channel = re.search(r'data-testid="breakdown-channel".*?</section>', html, re.S)[0]
    assert "<svg" in channel and "<table" in channel
    assert re.search(r"<th scope=\"row\">telepon</th><td class=\"num\">1</td>", channel)
    # bars in SVG attributes the policy allows: no style attribute, no script; dot decimals
    svg = re.search(r"<svg.*?</svg>", channel, re.S)[0]
    assert "style=" not in svg and "<script" not in svg
    widths = re.findall(r'width="([^"]+)" height="9"', svg)
    assert widths[:3] == ["300.0", "200.0", "200.0"]  # web: 3 received, 2 answered, 2 resolved
    assert "style=" not in html.split("<main", 1)[1]


def test_officers_read_it_too_and_the_nav_links_to_it(client, users, demo):
    response = page(client, users["petugas1"])
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/laporan/"' in html
    # this month by default, at the officer's own office, the only one offered
    assert 'value="2024-09-01"' in html and 'value="2024-09-30"' in html
    assert re.findall(r'<option value="([^"]+)"', html) == ["19.02"]


def test_party_operators_get_403_and_visitors_sign_in_first(client, users, demo):
    assert page(client, users["lo-partai-a"]).status_code == 403
    assert page(client, users["lo-partai-a"], "/laporan/tiket.csv").status_code == 403
    client.logout()
    response = client.get("/laporan/")
    assert response.status_code == 302 and "/akun/" in response["Location"]
    operator_nav = page(client, users["lo-partai-a"], "/tiket/saya/").content.decode()
    assert 'href="/laporan/"' not in operator_nav


def test_a_province_picks_its_kabupaten_but_a_kabupaten_not_its_province(
    client, users, desk, offices
):
    desk.ask(at(2024, 8, 5, 9, 0), offices["19.02"])
    province = page(client, users["petugas-prov"], office="19", **AUGUST)
    html = province.content.decode()
    options = re.findall(r'<option value="([^"]+)"', html)
    assert options[0] == "19" and "19.02" in options and "ri" not in options
    assert re.search(r'data-testid="figure-received".*?>1<', html, re.S)
    one = page(client, users["petugas-prov"], office="19.02", **AUGUST)
    assert one.status_code == 200
    refused = page(client, users["petugas1"], office="19", **AUGUST)
    assert refused.status_code == 400  # not among the choices
    assert "19 " not in "".join(re.findall(r'<option value="([^"]+)"', refused.content.decode()))


def test_a_backwards_range_is_refused_with_a_sentence(client, users, demo):
    response = page(client, users["koordinator"], date_from="2024-08-31", date_to="2024-08-01")
    assert response.status_code == 400
    assert "Tanggal akhir harus sama dengan atau sesudah tanggal awal." in response.content.decode()


def test_the_csv_and_xlsx_downloads(client, users, desk, office):
    from openpyxl import load_workbook

    august_at_belitung(desk, office)
    desk.ask(at(2024, 8, 27, 9, 0), office, subject="@SUM(1+1)")
    csv = page(client, users["koordinator"], "/laporan/tiket.csv", **AUGUST)
    assert csv.status_code == 200
    text = b"".join(csv.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffreference,") and len(text.strip().splitlines()) == 6
    assert "'@SUM(1+1)" in text
    xlsx = page(client, users["koordinator"], "/laporan/laporan.xlsx", **AUGUST)
    assert xlsx.status_code == 200
    assert "laporan-19.02-20240801-20240831.xlsx" in xlsx["Content-Disposition"]
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book.sheetnames == [
        "Ringkasan",
        "Menurut kategori",
        "Menurut saluran",
        "Menurut organisasi",
        "Menurut petugas",
        "Menurut prioritas",
    ]
    summary = {row[0]: row[1] for row in book["Ringkasan"].iter_rows(values_only=True) if row}
    assert summary["Diterima"] == 5 and summary["Respons pertama sesuai SLA (%)"] == 60.0
    channel = list(book["Menurut saluran"].iter_rows(values_only=True))
    assert channel[0] == ("Kode", "Nama", "diterima", "dijawab", "diselesaikan")
    assert ("web", "web", 4, 2, 2) in channel


@pytest.mark.parametrize("language", ["en"])
def test_the_page_reads_in_english(client, users, demo, language):
    client.force_login(users["koordinator"])
    client.cookies["django_language"] = language
    with time_machine.travel(SEPTEMBER_2, tick=False):
        html = client.get("/laporan/", headers={"accept-language": "en"}).content.decode()
    assert "How it is computed" in html and "First response, median" in html
