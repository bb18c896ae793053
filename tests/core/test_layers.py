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
