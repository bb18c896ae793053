"""Forms of the knowledge pages (coordinators and officers)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from mejabantu.core.forms import MultipleFileField
from mejabantu.knowledge.models import Announcement, Answer
from mejabantu.knowledge.selectors import CATEGORY_LABELS
from mejabantu.knowledge.services import PARAMETER_KEYS

STAGE_CHOICES = [
    ("", _("— any stage —")),
    ("sosialisasi", _("outreach")),
    ("dukungan-perseorangan", _("independent support")),
    ("pendaftaran", _("registration")),
    ("penelitian", _("verification of requirements")),
    ("penetapan", _("determination of candidate pairs")),
    ("kampanye", _("campaign")),
    ("pemungutan", _("voting")),
]


def category_choices(blank: str = "") -> list[tuple[str, str]]:
    choices = [(code, label) for code, label in CATEGORY_LABELS.items()]
    return [("", blank), *choices] if blank else choices


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=300, required=False)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=())
    regulation = forms.CharField(label=_("Regulation"), required=False, max_length=60)
    stage = forms.ChoiceField(label=_("Stage"), required=False, choices=STAGE_CHOICES)
    kantor = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def __init__(self, *args, regulations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = category_choices(str(_("— all categories —")))
        self.fields["regulation"].widget = forms.Select(
            choices=[("", _("— all regulations —")), *[(r.code, str(r)) for r in regulations]]
        )


class AnswerForm(forms.ModelForm):
    citations_text = forms.CharField(
        label=_("Citations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line: an article key such as uu-10-2016/7/2/e, or a regulation code "
            "such as putusan-mk-60-2024."
        ),
    )
    parameters = forms.MultipleChoiceField(
        label=_("Depends on rule-set parameters"),
        required=False,
        choices=[(k, k) for k in sorted(PARAMETER_KEYS)],
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Reason for change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when a published answer changes; readers see it in the history."),
    )

    class Meta:
        model = Answer
        fields = [
            "question",
            "body",
            "category",
            "stage",
            "valid_from",
            "valid_to",
            "uncertain",
            "uncertain_note",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8}),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_to": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "uncertain_note": forms.Textarea(attrs={"rows": 2}),
            "question": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"] = forms.ChoiceField(label=_("Category"), choices=category_choices())
        self.fields["stage"] = forms.ChoiceField(
            label=_("Stage"), choices=STAGE_CHOICES, required=False
        )
        if self.instance.pk:
            keys = [c.key for c in self.instance.citations.select_related("article", "regulation")]
            self.initial.setdefault("citations_text", "\n".join(keys))
            self.initial.setdefault("parameters", list(self.instance.parameters or []))
        if self.instance.pk and self.instance.state == Answer.State.PUBLISHED:
            self.fields["reason"].required = True

    def citation_keys(self) -> list[str]:
        return [k for k in re.split(r"[\s,;]+", self.cleaned_data.get("citations_text", "")) if k]


class PendingGuidanceForm(forms.Form):
    title = forms.CharField(
        label=_("Waiting for"),
        max_length=300,
        help_text=_("E.g. the juknis on counting the age of candidates."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnnouncementForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Add attachments"), help_text=_("PDF, JPG, PNG, DOCX or XLSX; several at once.")
    )

    class Meta:
        model = Announcement
        fields = ["title", "body", "held_on", "published"]
        widgets = {
            "title": forms.TextInput(),
            "body": forms.Textarea(attrs={"rows": 8}),
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "held_on": _("The day the outreach takes place, if it is an event."),
            "published": _("Published announcements are shown to everyone."),
        }
