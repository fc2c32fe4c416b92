"""The path wizard's questions, read from the URL's query string (GET: nothing is stored).

The eligibility questions feed the same rules as `kotokartta eligibility` and the API
(`kotokartta.eligibility.rules`): the form turns the answers into `Answers`, and a date the rules
cannot use (in the future, before the permit, a plan before the assessment…) becomes an error on
that field, in the page's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kotokartta.eligibility import present, texts
from kotokartta.eligibility.rules import OLDEST_DATE, Answers, InputError
from kotokartta.programme.models import Municipality
from kotokartta.programme.vocabulary import ResidenceBasis

YES_NO = [("", _("I don't know / skip")), ("yes", _("Yes")), ("no", _("No"))]

# Earlier addresses of the wizard used the path engine's words; they still open the same page.
LEGACY_BASIS = {
    "family_reunification": "family_of_protected",
    "family_member": "family_of_worker_or_student",
}
# The path engine's residence basis for each basis of the eligibility rules (None: no group).
PATH_BASIS: dict[str, ResidenceBasis | None] = {
    "international_protection": ResidenceBasis.INTERNATIONAL_PROTECTION,
    "quota_refugee": ResidenceBasis.QUOTA_REFUGEE,
    "temporary_protection": ResidenceBasis.TEMPORARY_PROTECTION,
    "family_of_protected": ResidenceBasis.FAMILY_REUNIFICATION,
    "work": ResidenceBasis.WORK,
    "study": ResidenceBasis.STUDY,
    "family_of_worker_or_student": ResidenceBasis.FAMILY_MEMBER,
    "family_of_finnish_citizen": None,
    "eu_or_nordic": None,
    "other": None,
}
DATE_FIELDS = ("permit", "assessment", "plan", "review")


class PastDateField(forms.DateField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False,
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2025-03-31.")},
            **kwargs,
        )

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and not OLDEST_DATE <= value <= dt.date(2100, 12, 31):
            raise forms.ValidationError(_("This date is out of range."), code="range")


class PathForm(forms.Form):
    municipality = forms.CharField(
        label=_("Municipality where you live"),
        max_length=60,
        error_messages={"required": _("Choose your municipality.")},
    )
    client = forms.ChoiceField(
        label=_("Are you registered as a job seeker with employment services?"),
        choices=[("job-seeker", _("Yes, I am a job seeker")), ("other", _("No"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Answer whether you are a job seeker."),
            "invalid_choice": _("Choose one of the answers."),
        },
    )
    unemployed = forms.ChoiceField(
        label=_("Are you unemployed (without work)?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    finnish = forms.ChoiceField(
        label=_("Can you use services in Finnish?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    basis = forms.ChoiceField(
        label=_("Why may you live in Finland?"),
        choices=[("", _("I don't know / skip")), *texts.BASES.items()],
        required=False,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    home_municipality = forms.ChoiceField(
        label=_("Do you have a home municipality (kotikunta) in Finland?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    age = forms.IntegerField(
        label=_("Your age in years"),
        required=False,
        min_value=0,
        max_value=130,
        error_messages={
            "invalid": _("Give your age in whole years, for example 34."),
            "min_value": _("Give your age in whole years, for example 34."),
            "max_value": _("Give your age in whole years, for example 34."),
        },
    )
    document = forms.ChoiceField(
        label=_("Your first document in Finland"),
        choices=list(texts.START_DOCUMENTS.items()),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    permit = PastDateField(label=_("Date of that first document (if you know it)"))
    benefits = forms.MultipleChoiceField(
        label=_("Which of these apply to you?"),
        choices=[
            ("home-care", _("I receive child home care allowance (lasten kotihoidon tuki)")),
            ("social-assistance", _("I receive social assistance, not only for a short time")),
            ("unaccompanied", _("I came to Finland as a minor without a guardian")),
            ("trafficking", _("I am a victim of human trafficking")),
            ("request", _("I ask for the assessment")),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose one of the answers.")},
    )
    assessment = PastDateField(label=_("Date of your assessment (if it has been done)"))
    plan = PastDateField(label=_("Date of your integration plan (if it has been made)"))
    review = PastDateField(label=_("Date of the last review of your plan (if any)"))

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        if data is not None and data.get("basis") in LEGACY_BASIS:
            data = data.copy()
            data["basis"] = LEGACY_BASIS[data["basis"]]
        super().__init__(data, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:  # link each input to its message (the templates use err-NAME)
            if name in self.fields and not isinstance(
                self.fields[name].widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            ):
                attrs = self.fields[name].widget.attrs
                attrs.update({"aria-invalid": "true", "aria-describedby": f"err-{name}"})

    def clean_municipality(self) -> Municipality:
        term = self.cleaned_data["municipality"]
        municipality = Municipality.objects.find(term)
        if municipality is None:
            raise forms.ValidationError(
                _("We do not know the municipality “%(name)s”."),
                code="unknown_municipality",
                params={"name": term},
            )
        return municipality

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["answers"] = None
        if self.errors:
            return data
        if data.get("permit") is None:
            for name in DATE_FIELDS[1:]:
                if data.get(name) is not None:
                    self.add_error(
                        "permit", present.error_text(InputError("missing_permit", "permit"))
                    )
                    return data
            return data
        try:
            data["answers"] = self.answers(data, today=timezone.localdate())
        except InputError as error:
            field = error.field if error.field in self.fields else None
            self.add_error(field, present.error_text(error))
        return data

    @staticmethod
    def answers(data: dict[str, Any], *, today: dt.date) -> Answers:
        registered = data.get("client") == "job-seeker"
        unemployed = {"yes": True, "no": False}.get(data.get("unemployed") or "")
        boxes = set(data.get("benefits") or ())
        return Answers(
            today=today,
            permit=data["permit"],
            start_document=data.get("document") or "residence_permit",
            basis=data.get("basis") or None,
            registered_job_seeker=registered,
            unemployed=unemployed,
            unemployed_job_seeker=unemployed if registered else False,
            age=data.get("age"),
            home_municipality={"yes": True, "no": False}.get(data.get("home_municipality") or ""),
            home_care_allowance="home-care" in boxes,
            social_assistance="social-assistance" in boxes,
            unaccompanied_minor="unaccompanied" in boxes,
            trafficking_victim="trafficking" in boxes,
            requested="request" in boxes,
            assessment=data.get("assessment"),
            plan=data.get("plan"),
            review=data.get("review"),
        )

    def uses_finnish(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("finnish") or "")

    def residence_basis(self) -> ResidenceBasis | None:
        """The path engine's residence basis for these answers (see `PATH_BASIS`)."""
        basis = self.cleaned_data.get("basis") or ""
        if basis in PATH_BASIS and PATH_BASIS[basis] is not None:
            return PATH_BASIS[basis]
        if "unaccompanied" in (self.cleaned_data.get("benefits") or ()):
            return ResidenceBasis.UNACCOMPANIED_MINOR
        return None
