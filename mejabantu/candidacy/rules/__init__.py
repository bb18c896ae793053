"""Pure candidacy rules: no Django imports, usable from the CLI, the API, pages and bench/.

* :mod:`.params` — rule-set parameters as data (JSON → typed dataclasses)
* :mod:`.threshold` — party/coalition threshold (UU 10/2016 Pasal 40; PKPU 8/2024 Pasal 11)
* :mod:`.eligibility` — candidate requirements (UU 10/2016 Pasal 7(2))
* :mod:`.independent` — independent support (UU 10/2016 Pasal 41)
* :mod:`.documents` — the registration checklist
"""

from mejabantu.candidacy.rules.base import Reason, Rule, Status, Verdict, overall
from mejabantu.candidacy.rules.params import RuleSetData, RuleSetError, load_shipped

__all__ = [
    "Reason",
    "Rule",
    "RuleSetData",
    "RuleSetError",
    "Status",
    "Verdict",
    "load_shipped",
    "overall",
]
