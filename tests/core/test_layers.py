"""The apps' one-way rule (.importlinter, checked by `make lint`) has a second half no
contract states: no module imports, however indirectly, a module that imports it."""

import grimp


def test_no_module_takes_part_in_an_import_cycle():
    graph = grimp.build_graph("mejabantu")
    cycles = set()
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            if imported != module and graph.chain_exists(importer=imported, imported=module):
                cycles.add(tuple(sorted((module, imported))))
    assert cycles == set()


DOMAIN_APPS = ("offices", "accounts", "knowledge", "candidacy", "helpdesk", "schedule", "reports")


def test_the_mail_outbox_stands_on_no_domain_app_so_any_app_can_queue_a_mail():
    graph = grimp.build_graph("mejabantu")
    below_mail = graph.find_upstream_modules("mejabantu.mail", as_package=True)
    assert {m for m in below_mail if m.split(".")[1] in DOMAIN_APPS} == set()
    # and the apps that mail use it directly, not through the helpdesk
    for queuer in ("mejabantu.helpdesk.services.notify", "mejabantu.schedule.services.bookings"):
        assert "mejabantu.mail.services" in graph.find_modules_directly_imported_by(queuer)
