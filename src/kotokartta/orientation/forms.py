"""The planner's form: demand (typed or uploaded CSV) and the parameters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class PlanForm(forms.Form):
    demand_text = forms.CharField(
        label=_("Demand as CSV"),
        help_text=_(
            "One line per municipality and language: municipality,language,count"
            "[,earliest_start]. Municipality by name or code, language as an ISO 639-1 code "
            "(e.g. ar, uk), start month as YYYY-MM. Counts only, never names."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 60, "spellcheck": "false"}),
    )
    demand_file = forms.FileField(label=_("Or upload a CSV file (UTF-8)"), required=False)
    min_size = forms.IntegerField(label=_("Smallest group"), min_value=1, max_value=500, initial=6)
    max_size = forms.IntegerField(label=_("Largest group"), min_value=1, max_value=500, initial=20)
    max_travel_km = forms.FloatField(
        label=_("Farthest in-person travel (km between municipality centres)"),
        min_value=0,
        max_value=2000,
        initial=80,
    )
    remote_allowed = forms.BooleanField(
        label=_("Remote and hybrid participation allowed"), required=False, initial=True
    )
    hosts = forms.MultipleChoiceField(
        label=_("Municipalities that can host groups in person"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    max_start_spread_months = forms.IntegerField(
        label=_("Largest difference of start months within a group (empty: no limit)"),
        required=False,
        min_value=0,
        max_value=120,
    )
    name = forms.CharField(label=_("Scenario name"), max_length=200, required=False)

    def __init__(self, *args: Any, municipalities: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        hosts = self.fields["hosts"]
        assert isinstance(hosts, forms.MultipleChoiceField)
        hosts.choices = municipalities

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_size"), data.get("max_size")
        if low is not None and high is not None and low > high:
            self.add_error(
                "max_size", _("The largest group must not be smaller than the smallest.")
            )
        if not (data.get("demand_text") or "").strip() and not data.get("demand_file"):
            self.add_error("demand_text", _("Type the demand or upload a CSV file."))
        return data


class DemandForm(forms.Form):
    demand_text = forms.CharField(
        label=_("Demand as CSV"),
        help_text=_(
            "municipality,language,count[,earliest_start] — only for the municipalities listed "
            "above. Saving replaces their earlier demand."
        ),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 60, "spellcheck": "false"}),
    )
