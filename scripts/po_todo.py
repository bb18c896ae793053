"""Work with Indonesian catalogues.

python scripts/po_todo.py APP            list msgids of APP still empty or fuzzy
python scripts/po_todo.py APP FILE.tsv   fill APP's entries from lines "english<TAB>indonesian"
"""

import sys
from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "mejabantu"
app = sys.argv[1]
po = polib.pofile(str(root / app / "locale/id/LC_MESSAGES/django.po"))
if po.metadata.get("Content-Type", "").endswith("CHARSET"):
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.metadata["Language"] = "id"
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
if len(sys.argv) == 2:
    for entry in po:
        if not entry.msgstr and not entry.msgstr_plural or entry.fuzzy:
            print(entry.msgid.replace("\n", "\\n"))
    sys.exit(0)
pairs = {}
for line in Path(sys.argv[2]).read_text().splitlines():
    if "\t" in line:
        en, idn = line.split("\t", 1)
        pairs[en.replace("\\n", "\n")] = idn.replace("\\n", "\n")
filled = 0
for entry in po:
    if entry.msgid in pairs:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: pairs[entry.msgid]}
        else:
            entry.msgstr = pairs[entry.msgid]
        if entry.fuzzy:
            entry.flags.remove("fuzzy")
        filled += 1
po.save()
print(
    f"{app}: filled {filled}; still empty: "
    f"{sum(1 for e in po if (not e.msgstr and not e.msgstr_plural) or e.fuzzy)}"
)
