"""The path wizard's questions, read from the URL's query string (GET: nothing is stored)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kotokartta.programme import labels
from kotokartta.programme.models import Municipality

YES_NO = [("", _("I don't know / skip")), ("yes", _("Yes")), ("no", _("No"))]


class PastDateField(forms.DateField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            required=False,
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            widget=forms.DateInput(attrs={"type": "date"}),
            error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2025-03-31.")},
            **kwargs,
        )

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value is not None and not dt.date(1950, 1, 1) <= value <= dt.date(2100, 12, 31):
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
            "invalid_choice": _("Choose 'job-seeker' or 'other'."),
        },
    )
    finnish = forms.ChoiceField(
        label=_("Can you use services in Finnish?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    basis = forms.ChoiceField(
        label=_("Why did you get your residence permit?"),
        choices=[("", _("I don't know / skip")), *labels.RESIDENCE_BASIS.items()],
        required=False,
    )
    age = forms.ChoiceField(
        label=_("Your age"),
        choices=[("", _("I don't know / skip")), *labels.AGE_GROUP.items()],
        required=False,
    )
    benefits = forms.MultipleChoiceField(
        label=_("Do you receive any of these?"),
        choices=[
            ("home-care", _("Child home care allowance (lasten kotihoidon tuki)")),
            ("social-assistance", _("Social assistance for a longer time (toimeentulotuki)")),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    permit = PastDateField(label=_("Date of your first residence permit (if you know it)"))
    assessment = PastDateField(label=_("Date of your assessment (if it has been done)"))
    plan = PastDateField(label=_("Date of your integration plan (if it has been made)"))

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

    def uses_finnish(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("finnish") or "")
