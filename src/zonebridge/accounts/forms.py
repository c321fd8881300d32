"""Forms of accounts."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from zonebridge.accounts.models import PersonProfile, User
from zonebridge.core.forms import DateInput
from zonebridge.core.tasks import send_email_later


class SignInForm(AuthenticationForm):
    """Sign in with a username or an e-mail address."""

    username = forms.CharField(label=_("Username or e-mail"), max_length=254,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))

    def clean(self):
        username = self.cleaned_data.get("username", "")
        if "@" in username:
            match = User.objects.filter(email__iexact=username).only("username").first()
            if match:
                self.cleaned_data["username"] = match.username
        return super().clean()


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail goes through the task queue."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = loader.render_to_string(html_email_template_name, context) if html_email_template_name else None
        send_email_later(subject, body, [to_email], html)


class AccountSettingsForm(forms.ModelForm):
    """The user's own name and interface language."""

    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]


class PersonProfileForm(forms.ModelForm):
    """The user's directory profile: public fields and personal data, and the CV as a private upload."""

    cv = forms.FileField(label=_("CV"), required=False,
                                help_text=_("PDF, Word (.docx) or OpenDocument (.odt), at most 5 MB. Only people "
                                            "allowed to see your personal data can download it."))
    remove_cv = forms.BooleanField(label=_("Remove my CV"), required=False)

    class Meta:
        model = PersonProfile
        fields = ["headline", "bio", "skills", "is_listed", "phone", "contact_email", "nationality",
                  "date_of_birth"]
        widgets = {"date_of_birth": DateInput(), "bio": forms.Textarea(attrs={"rows": 4})}


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=80,
                           help_text=_("What the token is for, e.g. “CRM sync”."))
