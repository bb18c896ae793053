"""What a reader sees of the candidacy rules after issue 16's legal review: the ex-convict
requirement with its exceptions and the right issuers, the no-withdrawal rule on the same basis
as the knowledge base, and the rule-set page in plain words."""

from django.utils import translation

from mejabantu.candidacy.reasons import render
from mejabantu.candidacy.rules.documents import checklist
from mejabantu.candidacy.rules.eligibility import Candidate, check_candidate


def test_the_ex_convict_requirement_keeps_its_exceptions_and_names_who_issues_each_document(
    client, new_rules
):
    verdict = {v.code: v for v in check_candidate(new_rules, Candidate("bupati"))}[
        "criminal_record"
    ]
    with translation.override("id"):
        said = render(verdict.reason)
    assert "kecuali tindak pidana karena kealpaan atau tindak pidana politik" in said
    html = client.get("/pencalonan/dokumen/").content.decode()
    row = html[html.index("Surat keterangan tidak pernah dipidana") :]
    row = row[: row.index("</tr>")]
    assert "lapas, rutan atau Bapas" in row
    assert "pemimpin redaksi media" in row


def test_the_no_withdrawal_agreement_rests_on_uu_1_2015_pasal_43():
    basis = {item.code: item.legal_basis for item in checklist("party", "pair")}
    assert basis["party_nomination_form"].startswith("UU 1/2015 Pasal 43;")
    assert "UU 10/2016 Pasal 43" not in " ".join(basis.values())


def test_the_rule_set_page_speaks_plainly_and_names_mk_129(client, candidacy_demo):
    html = client.get("/pencalonan/aturan/pkpu10-2024/").content.decode()
    assert "facts file" not in html
    assert "× ;" not in html
    start = html.index('data-testid="term-limit"')
    term = html[start : html.index("</dd>", start)]
    assert "paling banyak 2 kali masa jabatan" in term
    assert "30 bulan atau lebih dihitung satu kali masa jabatan" in term
    assert "pelaksana tugas juga dihitung" in term
    assert "129/PUU-XXII/2024" in html
