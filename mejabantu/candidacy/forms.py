"""Forms of the candidacy pages; the rule-set form edits parameters without code."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from mejabantu.candidacy.models import Contest, Party, Registration, RuleSet
from mejabantu.candidacy.reasons import shown_error
from mejabantu.candidacy.rules.eligibility import POSITION_LABELS
from mejabantu.candidacy.rules.params import EDUCATION_LABELS, EDUCATION_ORDER, Params, RuleSetError
from mejabantu.candidacy.selectors import regions_with_figures, rule_sets_published

# the pure rules' labels are English msgids: translated (lazily) where the choice is shown
EDUCATION_LEVELS = [(k, _(EDUCATION_LABELS[k])) for k in EDUCATION_ORDER]
EDUCATION_CHOICES = [("", _("not stated")), *EDUCATION_LEVELS]
POSITION_CHOICES = [(k, _(label)) for k, label in POSITION_LABELS.items()]


def _rule_set_choices():
    # the calculators use published rule sets only: a draft is never offered, to anyone
    return [("", _("the rule set in force"))] + [
        (r.code, f"{r.name} ({r.get_status_display()})") for r in rule_sets_published()
    ]


class RuleSetChoiceMixin:
    def _add_rule_set(self):
        self.fields["rule_set"] = forms.ChoiceField(
            label=_("Rule set"), required=False, choices=_rule_set_choices()
        )


class CoalitionForm(RuleSetChoiceMixin, forms.Form):
    # A new region brings other parties: reload the whole page rather than the result.
    region = forms.ChoiceField(
        label=_("Region"), widget=forms.Select(attrs={"data-autosubmit": True})
    )
    parties = forms.MultipleChoiceField(
        label=_("Parties in the coalition"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, party_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [
            (r.code, f"{r.name} ({r.code})")
            for r in regions_with_figures().filter(level__in=["provinsi", "kabupaten", "kota"])
        ]
        self.fields["parties"].choices = list(party_choices)
        self._add_rule_set()


class CandidateForm(RuleSetChoiceMixin, forms.Form):
    position = forms.ChoiceField(label=_("Position sought"), choices=POSITION_CHOICES)
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 1990-08-17.")},
    )
    education = forms.ChoiceField(
        label=_("Highest education"), required=False, choices=EDUCATION_CHOICES
    )
    terms_served = forms.IntegerField(
        label=_("Terms already served in the same office (2.5 years or more each)"),
        required=False,
        min_value=0,
        max_value=5,
    )
    is_acting_head = forms.NullBooleanField(
        label=_("Currently an acting regional head (Pj)?"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("not stated")), ("true", _("yes")), ("false", _("no"))]
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._add_rule_set()


class IndependentForm(RuleSetChoiceMixin, forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    level = forms.ChoiceField(
        label=_("Or: level"),
        required=False,
        choices=[
            ("", "—"),
            ("provinsi", _("province")),
            ("kabupaten", _("regency")),
            ("kota", _("city")),
        ],
    )
    dpt = forms.IntegerField(label=_("DPT of the last election"), required=False, min_value=1)
    sub_regions = forms.IntegerField(
        label=_("Number of sub-regions (kecamatan, or kabupaten/kota for a province)"),
        required=False,
        min_value=1,
    )
    supporters = forms.IntegerField(label=_("Supporters handed in"), required=False, min_value=0)
    sub_regions_reached = forms.IntegerField(
        label=_("Sub-regions with supporters"), required=False, min_value=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "—")] + [
            (r.code, f"{r.name} ({r.code})")
            for r in regions_with_figures().filter(level__in=["provinsi", "kabupaten", "kota"])
        ]
        self._add_rule_set()


class RegistrationForm(forms.Form):
    contest = forms.ModelChoiceField(label=_("Contest"), queryset=Contest.objects.none())
    route = forms.ChoiceField(label=_("Route"), choices=Registration.Route.choices)
    parties = forms.ModelMultipleChoiceField(
        label=_("Proposing parties"),
        queryset=Party.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation = forms.ModelChoiceField(  # type: ignore[var-annotated]
        label=_("Proposing organisation (liaison team)"), queryset=None, required=False
    )
    head_name = forms.CharField(label=_("Head candidate"), max_length=150)
    head_birth_date = forms.DateField(
        label=_("Head's date of birth"), required=False, widget=forms.DateInput({"type": "date"})
    )
    head_education = forms.ChoiceField(
        label=_("Head's education"), required=False, choices=EDUCATION_CHOICES
    )
    head_terms_served = forms.IntegerField(
        label=_("Head's terms served in the same office"), required=False, min_value=0
    )
    deputy_name = forms.CharField(label=_("Deputy candidate"), max_length=150)
    deputy_birth_date = forms.DateField(
        label=_("Deputy's date of birth"), required=False, widget=forms.DateInput({"type": "date"})
    )
    deputy_education = forms.ChoiceField(
        label=_("Deputy's education"), required=False, choices=EDUCATION_CHOICES
    )
    deputy_terms_served = forms.IntegerField(
        label=_("Deputy's terms served in the same office"), required=False, min_value=0
    )
    is_rehearsal = forms.BooleanField(label=_("Rehearsal (gladi bersih)"), required=False)
    remarks = forms.CharField(
        label=_("Remarks"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, office, **kwargs):
        from mejabantu.accounts.models import Organisation

        super().__init__(*args, **kwargs)
        self.fields["contest"].queryset = Contest.objects.filter(region=office.region)
        self.fields["organisation"].queryset = Organisation.objects.filter(office=office)

    def clean(self):
        data = super().clean()
        if data.get("route") == Registration.Route.PARTY and not data.get("parties"):
            self.add_error("parties", _("Choose at least one proposing party."))
        return data


def _bands_text(rows) -> str:
    lines = []
    for row in rows or []:
        upper = row.get("upper")
        lines.append(f"{'-' if upper is None else upper} {row['percent']}")
    return "\n".join(lines)


def _parse_bands(text: str) -> list[dict]:
    rows = []
    for n, line in enumerate(text.strip().splitlines(), start=1):
        parts = line.replace(",", ".").split()
        if len(parts) != 2:
            raise forms.ValidationError(
                _("Line %(n)s: write the upper bound and the percentage, e.g. 250000 10."),
                params={"n": n},
            )
        upper, percent = parts
        try:
            Decimal(percent)
        except InvalidOperation as exc:
            raise forms.ValidationError(
                _("Line %(n)s: the percentage is not a number."), params={"n": n}
            ) from exc
        if upper == "-":
            rows.append({"upper": None, "percent": percent})
        elif upper.replace(".", "").isdecimal():
            rows.append({"upper": int(upper.replace(".", "")), "percent": percent})  # type: ignore[dict-item]
        else:
            raise forms.ValidationError(
                _("Line %(n)s: the upper bound must be a whole number, or - for the last band."),
                params={"n": n},
            )
    return rows


BAND_HELP = _(
    "One band per line: the inclusive upper DPT bound and the percentage, e.g. "
    "“250000 10”; the last band has “-” as its bound."
)


class RuleSetForm(forms.Form):
    """Edit a draft rule set's legal basis, date and parameters, without code."""

    name = forms.CharField(label=_("Name"), max_length=250)
    legal_basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea({"rows": 2}))
    effective_date = forms.DateField(
        label=_("Effective date"), widget=forms.DateInput({"type": "date"})
    )
    source = forms.CharField(
        label=_("Source and remarks"), required=False, widget=forms.Textarea({"rows": 2})
    )
    threshold_mode = forms.ChoiceField(
        label=_("Party threshold"),
        choices=[
            ("vote_bands", _("share of valid votes by DPT band (after MK 60/2024)")),
            ("seats_or_votes", _("share of seats or of valid votes (before MK 60/2024)")),
        ],
    )
    threshold_provinsi = forms.CharField(
        label=_("Threshold bands, province"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=BAND_HELP,
    )
    threshold_kabupaten_kota = forms.CharField(
        label=_("Threshold bands, regency/city"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
    )
    threshold_seat_percent = forms.DecimalField(
        label=_("Seat share (%)"), required=False, min_value=0, max_value=100
    )
    threshold_vote_percent = forms.DecimalField(
        label=_("Vote share (%)"), required=False, min_value=0, max_value=100
    )
    seatless_parties_allowed = forms.BooleanField(
        label=_("Parties without DPRD seats may nominate"), required=False
    )
    min_age_provinsi = forms.IntegerField(
        label=_("Minimum age, governor and deputy"), min_value=17, max_value=80
    )
    min_age_kabupaten_kota = forms.IntegerField(
        label=_("Minimum age, regent/mayor and deputy"), min_value=17, max_value=80
    )
    age_event = forms.ChoiceField(
        label=_("Age counted at"),
        choices=[
            ("penetapan", _("determination of candidate pairs")),
            ("pendaftaran", _("registration")),
            ("pelantikan", _("inauguration")),
        ],
    )
    age_date = forms.DateField(
        label=_("Date of that event"), widget=forms.DateInput({"type": "date"})
    )
    age_uncertain = forms.BooleanField(label=_("This date is not confirmed"), required=False)
    age_note = forms.CharField(label=_("Note on the date"), required=False)
    min_education = forms.ChoiceField(label=_("Minimum education"), choices=EDUCATION_LEVELS)
    term_max = forms.IntegerField(label=_("Maximum terms in the same office"), min_value=1)
    term_months = forms.IntegerField(
        label=_("Months served that count as a term"), min_value=1, max_value=60
    )
    term_acting_counts = forms.BooleanField(label=_("Acting service counts"), required=False)
    independent_provinsi = forms.CharField(
        label=_("Independent support bands, province"),
        widget=forms.Textarea({"rows": 4}),
        help_text=BAND_HELP,
    )
    independent_kabupaten_kota = forms.CharField(
        label=_("Independent support bands, regency/city"), widget=forms.Textarea({"rows": 4})
    )

    @classmethod
    def initial_for(cls, rule_set: RuleSet) -> dict:
        p = rule_set.parameters
        tp = p.get("threshold_percent") or {}
        ip = p.get("independent_percent") or {}
        age = p.get("age_reference") or {}
        term = p.get("term_limit") or {}
        return {
            "name": rule_set.name,
            "legal_basis": rule_set.legal_basis,
            "effective_date": rule_set.effective_date,
            "source": rule_set.source,
            "threshold_mode": p.get("threshold_mode"),
            "threshold_provinsi": _bands_text(tp.get("provinsi")),
            "threshold_kabupaten_kota": _bands_text(tp.get("kabupaten_kota")),
            "threshold_seat_percent": p.get("threshold_seat_percent"),
            "threshold_vote_percent": p.get("threshold_vote_percent"),
            "seatless_parties_allowed": p.get("seatless_parties_allowed"),
            "min_age_provinsi": (p.get("min_age") or {}).get("gubernur"),
            "min_age_kabupaten_kota": (p.get("min_age") or {}).get("bupati"),
            "age_event": age.get("event"),
            "age_date": age.get("date"),
            "age_uncertain": age.get("uncertain"),
            "age_note": age.get("note", ""),
            "min_education": p.get("min_education", "slta"),
            "term_max": term.get("max_terms", 2),
            "term_months": term.get("min_months_counted", 30),
            "term_acting_counts": term.get("acting_counts", True),
            "independent_provinsi": _bands_text(ip.get("provinsi")),
            "independent_kabupaten_kota": _bands_text(ip.get("kabupaten_kota")),
        }

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        params: dict = {}
        params["threshold_mode"] = data["threshold_mode"]
        try:
            if data["threshold_mode"] == "vote_bands":
                params["threshold_percent"] = {
                    "provinsi": _parse_bands(data.get("threshold_provinsi") or ""),
                    "kabupaten_kota": _parse_bands(data.get("threshold_kabupaten_kota") or ""),
                }
                params["threshold_seat_percent"] = params["threshold_vote_percent"] = None
            else:
                params["threshold_percent"] = None
                for key in ("threshold_seat_percent", "threshold_vote_percent"):
                    if data.get(key) is None:
                        self.add_error(key, _("Required for the seats-or-votes threshold."))
                        return data
                    params[key] = str(data[key])
            params["independent_percent"] = {
                "provinsi": _parse_bands(data["independent_provinsi"]),
                "kabupaten_kota": _parse_bands(data["independent_kabupaten_kota"]),
            }
        except forms.ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
        params["seatless_parties_allowed"] = data["seatless_parties_allowed"]
        prov, kk = data["min_age_provinsi"], data["min_age_kabupaten_kota"]
        params["min_age"] = {
            "gubernur": prov,
            "wakil_gubernur": prov,
            "bupati": kk,
            "wakil_bupati": kk,
            "walikota": kk,
            "wakil_walikota": kk,
        }
        params["age_reference"] = {
            "event": data["age_event"],
            "date": data["age_date"].isoformat(),
            "uncertain": data["age_uncertain"],
            "note": data["age_note"],
        }
        params["min_education"] = data["min_education"]
        params["term_limit"] = {
            "max_terms": data["term_max"],
            "min_months_counted": data["term_months"],
            "acting_counts": data["term_acting_counts"],
        }
        params["independent_spread"] = "more_than_half"
        try:
            Params.from_dict(params)
        except RuleSetError as exc:
            raise forms.ValidationError(shown_error(exc)) from exc
        data["parameters"] = params
        return data


class RuleSetCopyForm(forms.Form):
    code = forms.SlugField(
        label=_("Code of the new rule set"),
        max_length=60,
        help_text=_("Letters, digits and hyphens, e.g. juknis-2024-09."),
    )
    name = forms.CharField(label=_("Name"), max_length=250)
