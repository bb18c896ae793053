"""Forms of the helpdesk pages. Validation that matters lives in the services."""

import uuid
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mejabantu.core.forms import MultipleFileField
from mejabantu.helpdesk.models import Channel, Priority, Status

ATTACH_HELP = _("PDF, JPG, PNG, DOCX or XLSX; up to 5 files.")


class IdempotentForm(forms.Form):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4())


class AskForm(IdempotentForm):
    category = forms.ChoiceField(label=_("Topic"))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say which candidate or document it is about, and what you have tried."),
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACH_HELP, check=True)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(c.code, c.name) for c in categories]


class PublicAskForm(AskForm):
    requester_name = forms.CharField(label=_("Your name"), max_length=150)
    requester_email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("We send the answer and a private link here.")
    )
    requester_phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    field_order = [
        "requester_name",
        "requester_email",
        "requester_phone",
        "category",
        "subject",
        "body",
        "attachments",
    ]


class LogContactForm(AskForm):
    """An officer records a walk-in, phone, e-mail or WhatsApp question."""

    channel = forms.ChoiceField(
        label=_("Channel"), choices=[c for c in Channel.choices if c[0] != Channel.WEB]
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    requester_name = forms.CharField(label=_("Name of the person asking"), max_length=150)
    requester_phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    requester_email = forms.EmailField(label=_("E-mail"), required=False)
    received_at = forms.DateTimeField(
        label=_("Received at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d/%m/%Y %H.%M"],
        help_text=_("The real time the question came in, in the office's time zone."),
    )
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Priority.choices, initial=Priority.NORMAL
    )
    field_order = [
        "channel",
        "received_at",
        "organisation",
        "requester_name",
        "requester_phone",
        "requester_email",
        "category",
        "priority",
        "subject",
        "body",
        "attachments",
    ]

    def __init__(self, *args, organisations=(), office=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.office_zone = ZoneInfo(office.timezone if office else "Asia/Jakarta")
        self.fields["organisation"].choices = [("", _("— none (public) —"))] + [
            (o.code, o.name) for o in organisations
        ]
        if not self.is_bound:
            self.initial.setdefault(
                "received_at",
                timezone.localtime(timezone.now(), self.office_zone).strftime("%Y-%m-%dT%H:%M"),
            )

    def clean_received_at(self):
        value = self.cleaned_data["received_at"]
        if value is not None:
            value = value.replace(tzinfo=None).replace(tzinfo=self.office_zone)
        return value


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    internal = forms.BooleanField(
        label=_("Internal note (officers only)"),
        required=False,
    )
    attachments = MultipleFileField(label=_("Attachments"), help_text=ATTACH_HELP, check=True)


class UpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    category = forms.ChoiceField(label=_("Category"))
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)
    pending_guidance = forms.ChoiceField(label=_("Waiting for guidance (juknis)"), required=False)

    def __init__(self, *args, categories=(), officers=(), guidance=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pending_guidance"].choices = [("", _("— not waiting —"))] + [
            (str(g.pk), g.title) for g in guidance
        ]
        self.fields["category"].choices = [(c.code, c.name) for c in categories]
        self.fields["assignee"].choices = [("", _("— unassigned —"))] + [
            (u.username, str(u)) for u in officers
        ]


class MergeForm(forms.Form):
    target = forms.CharField(label=_("Merge into ticket (reference)"), max_length=30)


RATINGS = [
    (1, _("1 — very dissatisfied")),
    (2, _("2 — dissatisfied")),
    (3, _("3 — neither")),
    (4, _("4 — satisfied")),
    (5, _("5 — very satisfied")),
]


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        coerce=int,
        choices=RATINGS,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CannedAnswerForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}))


class HandOnForm(forms.Form):
    """Escalate (an office above) or forward (any other office) the ticket."""

    to = forms.CharField(
        label=_("To office"),
        max_length=20,
        help_text=_(
            "An office above escalates; any other office (search by name or code) forwards."
        ),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The receiving office reads it first. The requester does not see it."),
    )


class ReturnForm(forms.Form):
    """Return the ticket to the office where it was asked, with guidance."""

    guidance = forms.CharField(
        label=_("Guidance for the office where it was asked"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Posted as an internal note; that office answers its requester."),
    )
