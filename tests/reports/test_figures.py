"""An office's figures from tickets with known times: weekends, holidays, lunch breaks, zones.

Belitung (19.02, WIB) works the government week (Mon-Thu 07.30-12.00 and 13.00-16.00, Fri
07.30-11.30 and 13.00-16.30), 27-29 August 2024 are registration days (08.00-16.00, the last
until 23.59), and its SLA policy gives 240 working minutes to answer and 1,350 to resolve.
"""

import time_machine

from mejabantu.helpdesk.models import Ticket
from mejabantu.offices.models import Office
from mejabantu.reports.figures import figures
from mejabantu.reports.selectors import Period, region_office_ids
from tests.reports.conftest import WIB, WIT, WITA, at, month, officer_of


def august_at_belitung(desk, office):
    """Four tickets of August 2024 at Belitung; the figures are read on 2 September 10.00."""
    # over the weekend: Fri 15.50 -> Mon 08.30 is 40 + 60 = 100 working minutes
    weekend = desk.ask(at(2024, 8, 23, 15, 50), office)
    desk.reply(at(2024, 8, 26, 8, 30), weekend)
    desk.update(at(2024, 8, 26, 9, 0), weekend, status="resolved")  # 40 + 90 = 130
    desk.rate(at(2024, 8, 26, 10, 0), weekend, 5)
    # over the lunch break, logged from a phone call: 11.30 -> 13.30 is 30 + 30 = 60
    lunch = desk.ask(
        at(2024, 8, 26, 11, 30),
        office,
        actor="petugas1",
        channel="phone",
        requester_name="Pak Darto",
    )
    desk.reply(at(2024, 8, 26, 13, 30), lunch)
    # answered in 10 minutes, then waiting on the requester from Mon 09.00 to Fri 08.00:
    # resolved Fri 08.30 after 60 + 30 = 90 working minutes of its own
    waited = desk.ask(at(2024, 8, 26, 8, 0), office)
    desk.reply(at(2024, 8, 26, 8, 10), waited)
    desk.update(at(2024, 8, 26, 9, 0), waited, status="waiting")
    desk.reply(at(2024, 8, 30, 8, 0), waited, actor="lo-partai-a", body="Ini datanya.")
    desk.update(at(2024, 8, 30, 8, 30), waited, status="resolved")
    desk.rate(at(2024, 8, 30, 9, 0), waited, 4)
    # never answered (due Tue 10.00), assigned to petugas2
    silent = desk.ask(at(2024, 8, 26, 14, 0), office)
    desk.update(at(2024, 8, 26, 14, 5), silent, assignee=desk.users["petugas2"])
    return weekend, lunch, waited, silent


def test_the_month_of_a_desk_in_exact_figures(desk, office):
    august_at_belitung(desk, office)
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        found = figures(month(office))
    assert (found.received, found.answered, found.resolved) == (4, 3, 2)
    # answered after 100, 60 and 10 working minutes
    assert (found.first_response.median, found.first_response.p90) == (60.0, 100.0)
    # resolved after 130 and 90 (the wait on the requester does not count)
    assert (found.resolution.median, found.resolution.p90) == (110.0, 130.0)
    # three answered in time, one past its due time unanswered
    assert (found.sla_first_response.met, found.sla_first_response.decided) == (3, 4)
    assert found.sla_first_response.percent == 75.0
    # two resolved in time; the lunch-break and silent tickets ran past 29 August
    assert (found.sla_resolution.met, found.sla_resolution.decided) == (2, 4)
    assert found.sla_resolution.percent == 50.0
    assert found.overdue_now == 2
    assert found.satisfaction.count == 2 and found.satisfaction.mean == 4.5
    assert found.satisfaction.distribution == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    by_channel = {r.code: (r.received, r.answered, r.resolved) for r in found.breakdowns["channel"]}
    assert by_channel == {"web": (3, 2, 2), "phone": (1, 1, 0)}
    by_org = {r.code: r.received for r in found.breakdowns["organisation"]}
    assert by_org == {"pdip-belitung": 3, "": 1}
    by_officer = {(r.code, r.label): r.received for r in found.breakdowns["officer"]}
    assert by_officer == {("", "Belum ditugaskan"): 3, ("petugas2", "Budi Santoso"): 1}
    assert [(r.code, r.received) for r in found.breakdowns["category"]] == [
        ("persyaratan-calon", 4)
    ]
    assert [(r.code, r.received) for r in found.breakdowns["priority"]] == [("normal", 4)]


def test_a_ticket_counts_in_the_month_of_each_of_its_events(desk, office):
    ticket = desk.ask(at(2024, 7, 31, 15, 0), office)
    desk.reply(at(2024, 8, 1, 8, 0), ticket)  # Wed 15.00-16.00, Thu 07.30-08.00
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        july, august = figures(month(office, 2024, 7)), figures(month(office))
    assert (july.received, july.answered) == (1, 0)
    assert (august.received, august.answered) == (0, 1)
    assert august.first_response.median == 90.0
    # its first-response clock belongs to July's cohort
    assert (july.sla_first_response.met, august.sla_first_response.decided) == (1, 0)


def test_a_national_holiday_is_not_working_time(desk, office):
    # Mon 16 September 2024 is the Prophet's Birthday: Fri 16.00-16.30 and Tue 07.30-08.00
    ticket = desk.ask(at(2024, 9, 13, 16, 0), office)
    desk.reply(at(2024, 9, 17, 8, 0), ticket)
    with time_machine.travel(at(2024, 10, 1, 10, 0), tick=False):
        found = figures(month(office, 2024, 9))
    assert found.first_response.median == 30.0 + 30.0


def test_an_office_in_wita_counts_its_own_hours_and_days(desk, demo):
    makassar = Office.objects.get(code="73.71")
    assert makassar.timezone == "Asia/Makassar"
    officer = officer_of("73.71", "petugas-makassar")
    # 07.00 WIB is 08.00 WITA, half an hour after the desk opened: 08.00 -> 10.00 WITA is 120
    # working minutes (counted in WIB hours it would be 07.30 -> 09.00, 90)
    ticket = desk.ask(
        at(2024, 8, 26, 7, 0), makassar, actor=officer, channel="phone", requester_name="Ibu Sri"
    )
    desk.reply(at(2024, 8, 26, 10, 0, tz=WITA), ticket, actor=officer)
    # 23.30 WIB on 31 August is 00.30 WITA on 1 September: September's for Makassar
    desk.ask(at(2024, 8, 31, 23, 30), makassar, actor=officer, channel="phone", requester_name="X")
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        august = figures(month(makassar))
        september = figures(month(makassar, 2024, 9))
    assert august.received == 1 and september.received == 1
    assert august.first_response.median == 120.0


def test_an_office_in_wit_has_its_lunch_break_in_its_own_time(desk, demo):
    ambon = Office.objects.get(code="81.01")
    assert ambon.timezone == "Asia/Jayapura"
    officer = officer_of("81.01", "petugas-maluku")
    # 11.00 -> 14.00 WIT on a Tuesday: 60 minutes before the break, 60 after
    ticket = desk.ask(
        at(2024, 8, 20, 11, 0, tz=WIT), ambon, actor=officer, channel="desk", requester_name="Y"
    )
    desk.reply(at(2024, 8, 20, 14, 0, tz=WIT), ticket, actor=officer)
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        found = figures(month(ambon))
    assert found.first_response.median == 120.0
    assert found.sla_first_response.decided == 0  # the office has no SLA policy
    assert found.period.start == at(2024, 8, 1, 0, 0, tz=WIT)
    assert WIB != WIT


def test_a_province_rolls_up_its_kabupaten_and_kota_and_ri_rolls_up_all(desk, offices):
    beltim_officer = desk.users["petugas-beltim"]
    desk.ask(at(2024, 8, 5, 9, 0), offices["19.02"])
    desk.ask(at(2024, 8, 5, 9, 0), offices["19.06"], actor=beltim_officer, requester_name="Z")
    desk.ask(at(2024, 8, 5, 9, 0), offices["19"], actor="petugas-prov", requester_name="Z")
    makassar_officer = officer_of("73.71", "petugas-makassar")
    makassar = Office.objects.get(code="73.71")
    desk.ask(at(2024, 8, 5, 9, 0), makassar, actor=makassar_officer, requester_name="Z")
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        received = {code: figures(month(offices[code])).received for code in offices}
    assert received == {"19.02": 1, "19.06": 1, "19": 3, "ri": 4}
    assert len(region_office_ids(offices["ri"])) == Office.objects.count()
    assert set(region_office_ids(offices["19"])) == {
        offices["19"].pk,
        *Office.objects.filter(parent=offices["19"]).values_list("pk", flat=True),
    }


def test_escalated_and_forwarded_tickets_and_those_waiting_for_guidance(desk, offices, users):
    from mejabantu.helpdesk import services
    from mejabantu.knowledge.services import pending_guidance_create

    up = desk.ask(at(2024, 8, 5, 9, 0), offices["19.02"])
    across = desk.ask(at(2024, 8, 5, 9, 5), offices["19.02"])
    with time_machine.travel(at(2024, 8, 5, 10, 0), tick=False):
        services.ticket_escalate(
            ticket=up, to_office=offices["19"], reason="Butuh tafsir.", actor=users["petugas1"]
        )
        services.ticket_forward(
            ticket=across,
            to_office=offices["19.06"],
            reason="Salah alamat.",
            actor=users["petugas1"],
        )
        item = pending_guidance_create(
            office=offices["19"], user=users["petugas-prov"], title="Juknis usia"
        )
    up = Ticket.objects.get(pk=up.pk)
    desk.update(at(2024, 8, 5, 11, 0), up, actor="petugas-prov", pending_guidance=item)
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        belitung, province = figures(month(offices["19.02"])), figures(month(offices["19"]))
    assert (belitung.escalated, belitung.forwarded) == (1, 1)
    assert belitung.received == 2  # the asking office keeps counting what it received
    assert (belitung.waiting_guidance_now, province.waiting_guidance_now) == (0, 1)
    assert (province.escalated, province.forwarded) == (1, 1)  # its kabupaten's hand-overs


def test_a_merged_duplicate_is_received_but_never_resolved(desk, office, users):
    from mejabantu.helpdesk import services

    first = desk.ask(at(2024, 8, 5, 9, 0), office)
    again = desk.ask(at(2024, 8, 5, 9, 1), office)
    with time_machine.travel(at(2024, 8, 5, 9, 30), tick=False):
        services.ticket_merge(source=again, target=first, actor=users["petugas1"])
    with time_machine.travel(at(2024, 9, 2, 10, 0), tick=False):
        found = figures(month(office))
    assert (found.received, found.resolved) == (2, 0)


def test_an_empty_period_has_no_medians_and_no_percentages(office):
    found = figures(Period(office=office, first=month(office).first, last=month(office).last))
    assert found.received == 0
    assert found.first_response.median is None and found.first_response.p90 is None
    assert found.sla_first_response.percent is None and found.satisfaction.mean is None


def test_a_ticket_waiting_on_the_requester_is_not_counted_late_while_it_waits(desk, office):
    ticket = desk.ask(at(2024, 8, 26, 8, 0), office)
    desk.reply(at(2024, 8, 26, 8, 10), ticket)
    desk.update(at(2024, 8, 26, 9, 0), ticket, status="waiting")
    with time_machine.travel(at(2024, 9, 30, 10, 0), tick=False):
        waiting = figures(month(office))
    assert (waiting.sla_first_response.met, waiting.sla_first_response.decided) == (1, 1)
    assert waiting.sla_resolution.decided == 0 and waiting.overdue_now == 0
    # once it runs again past its due time, it is late
    desk.reply(at(2024, 9, 30, 10, 0), ticket, actor="lo-partai-a", body="Ini datanya.")
    with time_machine.travel(at(2024, 10, 15, 10, 0), tick=False):
        running = figures(month(office))
    assert (running.sla_resolution.met, running.sla_resolution.decided) == (0, 1)
    assert running.overdue_now == 1
