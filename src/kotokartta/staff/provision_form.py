"""The provision form: every field of a provision in the data files, partners as a formset."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kotokartta.programme import labels
from kotokartta.programme.vocabulary import ISO_639_1, PHASES, ResidenceBasis
from kotokartta.staff.choices import Choices
from kotokartta.staff.forms import BLANK, RecordForm, multi, pairs


class PartnerForm(forms.Form):
    organisation = forms.ChoiceField(label=_("Partner organisation"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)
    note_fi = forms.CharField(label=_("Note (Finnish)"), required=False, max_length=5000)
    note_en = forms.CharField(label=_("Note (English)"), required=False, max_length=5000)

    def __init__(self, *args: Any, choices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = BLANK + choices.organisations  # type: ignore[attr-defined]
        self.fields["unit"].choices = BLANK + choices.units  # type: ignore[attr-defined]
        self.fields["role"].choices = BLANK + choices.roles  # type: ignore[attr-defined]


PartnerFormSet = forms.formset_factory(PartnerForm, extra=1)


class ProvisionForm(RecordForm):
    kind = "provision"

    def build(self) -> None:
        c = self.choices
        self.area_wide = bool(self.initial_scope_is_area())
        self.add_id()
        self.fields["phase"] = forms.ChoiceField(
            label=_("Phase"), choices=[(p.id, f"{p.name_fi} ({p.name_en})") for p in PHASES]
        )
        self.fields["clients"] = forms.MultipleChoiceField(
            label=_("Client groups"),
            choices=pairs(labels.CLIENT),
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["status"] = forms.ChoiceField(label=_("Status"), choices=pairs(labels.STATUS))
        responsible = BLANK + c.municipalities
        if self.area_wide:
            responsible.append(("residence", str(_("the person's home municipality"))))
        self.fields["responsible"] = forms.ChoiceField(
            label=_("Responsible municipality"), choices=responsible, required=False
        )
        self.fields["provider_organisation"] = forms.ChoiceField(
            label=_("Provided by (organisation)"), choices=BLANK + c.organisations, required=False
        )
        self.fields["provider_unit"] = forms.ChoiceField(
            label=_("Provided by (unit)"), choices=BLANK + c.units, required=False
        )
        self.fields["role"] = forms.ChoiceField(
            label=_("Role of the person who does it"), choices=BLANK + c.roles, required=False
        )
        self.fields["alternative_roles"] = multi(
            str(_("Alternative roles")), c.roles, checkboxes=False
        )
        self.fields["purchased"] = forms.BooleanField(
            label=_("Purchased (ostopalvelu) from another municipality or provider"),
            required=False,
        )
        self.fields["places"] = multi(str(_("Places")), c.places, checkboxes=False)
        self.fields["modes"] = multi(str(_("Modes")), pairs(labels.MODE))
        self.fields["languages"] = forms.CharField(
            label=_("Languages (ISO 639-1 codes separated by spaces, e.g. uk ru ar)"),
            required=False,
            max_length=200,
        )
        self.fields["target_groups"] = multi(
            str(_("Only for these residence bases")), [(b.value, b.value) for b in ResidenceBasis]
        )
        self.fields["activity"] = forms.ChoiceField(
            label=_("Activity or project"), choices=BLANK + c.activities, required=False
        )
        self.fields["planned_from"] = forms.IntegerField(
            label=_("Planned from (year)"), required=False, min_value=1990, max_value=2100
        )
        self.fields["condition_uses_finnish"] = forms.ChoiceField(
            label=_("Condition: the person uses Finnish"),
            choices=[("", "—"), ("yes", _("yes")), ("no", _("no"))],
            required=False,
        )
        if self.area_wide:
            self.fields["municipalities"] = multi(
                str(_("Municipalities served (none ticked: the whole area)")), c.municipalities
            )
        self.add_section_source()
        self.add_text("details", str(_("Details")), required=False)
        self.add_text(
            "condition", str(_("Condition (applies only to some clients)")), required=False
        )

    def initial_scope_is_area(self) -> bool:
        return bool(getattr(self, "_area_wide", False))

    def load(self, record: dict[str, Any]) -> None:
        super().load(record)
        provider = record.get("provider") or {}
        condition = record.get("condition") or {}
        self.initial.update(
            phase=record.get("phase"),
            clients=record.get("clients", []),
            status=record.get("status"),
            responsible=record.get("responsible") or "",
            provider_organisation=provider.get("organisation", ""),
            provider_unit=provider.get("unit", ""),
            role=record.get("role") or "",
            alternative_roles=record.get("alternative_roles", []),
            purchased=record.get("purchased", False),
            places=record.get("places", []),
            modes=record.get("modes", []),
            languages=" ".join(record.get("languages", [])),
            target_groups=record.get("target_groups", []),
            activity=record.get("activity") or "",
            planned_from=record.get("planned_from"),
            municipalities=record.get("municipalities") or [],
            condition_uses_finnish={True: "yes", False: "no"}.get(
                bool(condition["uses_finnish"]), ""
            )
            if condition.get("uses_finnish") is not None
            else "",
        )
        for lang, value in (condition.get("text") or {}).items():
            self.initial[f"condition__{lang}"] = value
        for lang, value in (record.get("details") or {}).items():
            self.initial[f"details__{lang}"] = value

    def clean_languages(self) -> list[str]:
        codes = str(self.cleaned_data.get("languages", "")).replace(",", " ").split()
        unknown = [code for code in codes if code not in ISO_639_1]
        if unknown:
            raise forms.ValidationError(
                _("Not ISO 639-1 language codes: %(codes)s") % {"codes": " ".join(unknown)}
            )
        return codes

    def record(self) -> dict[str, Any]:
        d = self.cleaned_data
        provider = None
        if d.get("provider_organisation"):
            provider = {"organisation": d["provider_organisation"]}
            if d.get("provider_unit"):
                provider["unit"] = d["provider_unit"]
        condition = None
        condition_text = self.text("condition")
        if condition_text:
            condition = {"text": condition_text}
            if d.get("condition_uses_finnish"):
                condition["uses_finnish"] = d["condition_uses_finnish"] == "yes"
        partners = list(self.partners_data or [])
        record: dict[str, Any] = {
            "id": d.get("id") or self.existing.get("id"),
            "phase": d["phase"],
            "clients": d["clients"],
            "status": d["status"],
            "responsible": d.get("responsible") or None,
            "provider": provider,
            "role": d.get("role") or None,
            "alternative_roles": d.get("alternative_roles") or [],
            "purchased": bool(d.get("purchased")),
            "places": d.get("places") or [],
            "modes": d.get("modes") or [],
            "partners": partners,
            "languages": d.get("languages") or [],
            "target_groups": d.get("target_groups") or [],
            "activity": d.get("activity") or None,
            "condition": condition,
            "details": self.text("details"),
            "planned_from": d.get("planned_from"),
            "source": self.source(),
        }
        if self.area_wide:
            record["municipalities"] = d.get("municipalities") or None
        return record


def make_provision_form(
    data: Any, *, record: dict[str, Any] | None, choices: Choices, creating: bool, area_wide: bool
) -> ProvisionForm:
    class _Form(ProvisionForm):
        _area_wide = area_wide

    return _Form(data, record=record, choices=choices, creating=creating)


def partner_initial(record: dict[str, Any] | None) -> list[dict[str, Any]]:
    return [
        {
            "organisation": p.get("organisation", ""),
            "unit": p.get("unit") or "",
            "role": p.get("role") or "",
            "note_fi": (p.get("note") or {}).get("fi", ""),
            "note_en": (p.get("note") or {}).get("en", ""),
        }
        for p in (record or {}).get("partners", [])
    ]


def partners_from(formset: Any, existing: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Partners in file form; notes in languages the form does not show are kept."""
    old = (existing or {}).get("partners", [])
    result = []
    for index, form in enumerate(formset.forms):
        d = form.cleaned_data
        if not d or not d.get("organisation") or d.get("DELETE"):
            continue
        partner: dict[str, Any] = {"organisation": d["organisation"]}
        if d.get("unit"):
            partner["unit"] = d["unit"]
        if d.get("role"):
            partner["role"] = d["role"]
        note = dict((old[index].get("note") or {}) if index < len(old) else {})
        for lang in ("fi", "en"):
            value = (d.get(f"note_{lang}") or "").strip()
            if value:
                note[lang] = value
            else:
                note.pop(lang, None)
        if note and "fi" in note:
            partner["note"] = note
        result.append(partner)
    return result
