"""Forms of the schedule pages; every one also works as a plain POST."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mejabantu.accounts.models import Organisation
from mejabantu.schedule.models import QueueService


class BookForm(forms.Form):
    starts_at = forms.DateTimeField(widget=forms.HiddenInput)
    topic = forms.CharField(
        label=_("What do you want to discuss?"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. documents of the coalition")}),
    )
    ticket = forms.CharField(required=False, widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, office=None, staff=False, **kwargs):
        super().__init__(*args, **kwargs)
        if staff and office is not None:
            self.fields["organisation"].queryset = Organisation.objects.filter(office=office)
            self.fields["organisation"].required = True
        else:
            del self.fields["organisation"]


class RegistrationBookForm(BookForm):
    pair_name = forms.CharField(
        label=_("Candidate pair (names)"),
        max_length=200,
        required=False,
        help_text=_("As written on the nomination, if already known."),
    )
    party_codes = forms.CharField(
        label=_("Parties in the nomination"),
        required=False,
        help_text=_("Codes separated by commas, e.g. gerindra, psi, demokrat."),
    )

    def clean_party_codes(self):
        raw = self.cleaned_data.get("party_codes") or ""
        return sorted({p.strip().lower() for p in raw.replace(";", ",").split(",") if p.strip()})


class MoveForm(forms.Form):
    starts_at = forms.DateTimeField(widget=forms.HiddenInput)


class DayForm(forms.Form):
    day = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class QueueIssueForm(forms.Form):
    service = forms.ChoiceField(label=_("Service"), choices=QueueService.choices)
    visitor_name = forms.CharField(label=_("Visitor's name"), max_length=150, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, office=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(office=office)


class QueueServeForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Question and answer given"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AttendanceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(office=event.office)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("File"))


class StageDatesForm(forms.Form):
    starts_on = forms.DateField(
        label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}))
    confirmed = forms.BooleanField(label=_("The dates are confirmed"), required=False)
    note = forms.CharField(
        label=_("Note (source, or why the date is uncertain)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
