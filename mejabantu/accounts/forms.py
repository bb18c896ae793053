"""Forms of the accounts pages: sign in, invite an officer or coordinator, reset a password."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from mejabantu.accounts.models import User
from mejabantu.mail.services import mail_queue, render_text
from mejabantu.offices.models import Office


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with its refusal in plain words (Django's own Indonesian text
    names the field twice: "nama pengguna nama pengguna")."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "The username or password is wrong. Check both and try again; capital letters count."
        ),
        "inactive": _("This account is no longer active. Ask your office's coordinator."),
    }


STAFF_ROLE_CHOICES = [
    (User.Role.OFFICER, User.Role.OFFICER.label),
    (User.Role.COORDINATOR, User.Role.COORDINATOR.label),
]


class InviteForm(forms.Form):
    """Who to invite: a name, an e-mail address, an office (of those the inviter manages)
    and a role."""

    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The set-password link goes here; it is also the username."),
    )
    office = forms.ModelChoiceField(label=_("Office"), queryset=Office.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=STAFF_ROLE_CHOICES)

    def __init__(self, *args, offices: QuerySet[Office], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["office"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = offices
        field.to_field_name = "code"
        if len(offices) == 1:  # a coordinator: its own office, nothing to choose
            field.initial = offices[0].code
            field.empty_label = None


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password reset, with its mail written to the outbox and sent by the worker:
    a mail server that is down delays the link, it never loses it."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict,
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = " ".join(render_text(subject_template_name, context).split())
        body = render_text(email_template_name, context)
        mail_queue(to=to_email, subject=subject, body=body, topic=f"user:{context['user'].pk}")
