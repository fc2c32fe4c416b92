"""Edit forms: a record of the data files in, the same record out. Each form turns its fields
into the record's data-file structure (`record()`); the schema then checks the record, and the
whole programme is validated before anything is saved into a draft (services)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from pydantic import ValidationError

from kotokartta.programme.schema import ID_PATTERN
from kotokartta.programme.vocabulary import (
    CONTENT_LANGUAGES,
    PHASES,
    SECTIONS,
    ActivityKind,
    OrganisationKind,
)
from kotokartta.staff.choices import Choice, Choices
from kotokartta.staff.snapshots import normalise_record

LANGUAGE_LABELS = {
    "fi": "suomi",
    "sv": "svenska",
    "en": "English",
    "uk": "українська",
    "ru": "русский",
    "ar": "العربية",
    "vi": "Tiếng Việt",
    "th": "ไทย",
    "sw": "Kiswahili",
    "rw": "Ikinyarwanda",
    "so": "Soomaali",
    "fa": "فارسی",
}
RTL = {"ar", "fa"}
BLANK: list[Choice] = [("", "—")]


def pairs(names: Mapping[str, Promise]) -> list[Choice]:
    """Choices from a vocabulary's gettext labels, in the staff member's interface language."""
    return [(key, str(name)) for key, name in names.items()]


class Section:
    """A group of fields shown together; `more` are folded under "other languages"."""

    def __init__(self, legend: str, fields: list[Any], more: list[Any] | None = None) -> None:
        self.legend = legend
        self.fields = fields
        self.more = more or []


class RecordForm(forms.Form):
    """Shared machinery: texts in every content language, the editor's note, lock fields."""

    kind = ""
    result: dict[str, Any]
    partners_data: list[dict[str, Any]] | None = None
    record_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        *args: Any,
        record: dict[str, Any] | None,
        choices: Choices,
        creating: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.existing = record or {}
        self.choices = choices
        self.creating = creating
        self.texts: dict[str, str] = {}
        self.build()
        self.fields["note"] = forms.CharField(
            label=_("Why (note for the reviewer and the history)"),
            widget=forms.Textarea(attrs={"rows": 2}),
            max_length=2000,
        )
        if not self.is_bound:
            self.load(self.existing)

    # -- building
    def build(self) -> None:
        raise NotImplementedError

    def add_id(self) -> None:
        if self.creating:
            self.fields["id"] = forms.RegexField(
                label=_("Identifier (lower-case letters, digits and hyphens)"),
                regex=ID_PATTERN,
                max_length=80,
            )

    def add_text(self, name: str, label: str, *, required: bool, long: bool = True) -> None:
        self.texts[name] = label
        for lang in CONTENT_LANGUAGES:
            attrs = {"lang": lang, "dir": "rtl" if lang in RTL else "ltr"}
            widget = (
                forms.Textarea(attrs={**attrs, "rows": 3}) if long else forms.TextInput(attrs=attrs)
            )
            self.fields[f"{name}__{lang}"] = forms.CharField(
                label=f"{label} – {LANGUAGE_LABELS[lang]}",
                required=required and lang == "fi",
                widget=widget,
                max_length=5000,
            )

    def add_section_source(self, *, required: bool = True) -> None:
        choices = ([] if required else BLANK) + [(k, f"{k}: {v}") for k, v in SECTIONS.items()]
        self.fields["source_section"] = forms.ChoiceField(
            label=_("Section of the programme document"), choices=choices, required=required
        )

    # -- reading and writing records
    def load(self, record: dict[str, Any]) -> None:
        for name in self.texts:
            for lang, value in (record.get(name) or {}).items():
                self.initial[f"{name}__{lang}"] = value
        source = record.get("source") or {}
        self.initial["source_section"] = source.get("section", "")

    def text(self, name: str) -> dict[str, str] | None:
        value = {
            lang: self.cleaned_data[f"{name}__{lang}"].strip()
            for lang in CONTENT_LANGUAGES
            if self.cleaned_data.get(f"{name}__{lang}", "").strip()
        }
        return value or None

    def source(self) -> dict[str, Any] | None:
        section = self.cleaned_data.get("source_section")
        if not section:
            return None
        source = dict(self.existing.get("source") or {})
        if source.get("section") != section:
            source = {"section": section}
        return source

    def record(self) -> dict[str, Any]:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                self.result = normalise_record(self.kind, self.record())
            except ValidationError as error:
                for item in error.errors(include_url=False):
                    where = ".".join(str(part) for part in item["loc"])
                    self.add_error(None, f"{where}: {item['msg']}")
        return cleaned

    # -- layout for the template
    def sections(self) -> list[Section]:
        shown = []
        used: set[str] = {"record_version", "revision", "note"}
        plain = []
        for name in self.fields:
            if name in used or "__" in name:
                continue
            plain.append(self[name])
            used.add(name)
        shown.append(Section(str(_("Record")), plain))
        for name, label in self.texts.items():
            shown.append(
                Section(
                    label,
                    [self[f"{name}__fi"]],
                    [self[f"{name}__{lang}"] for lang in CONTENT_LANGUAGES if lang != "fi"],
                )
            )
        shown.append(Section(str(_("Why")), [self["note"]]))
        return shown


def multi(label: str, choices: list[Choice], *, checkboxes: bool = True) -> forms.Field:
    widget: forms.Widget = (
        forms.CheckboxSelectMultiple() if checkboxes else forms.SelectMultiple(attrs={"size": "8"})
    )
    return forms.MultipleChoiceField(label=label, choices=choices, required=False, widget=widget)


class PlaceForm(RecordForm):
    kind = "place"

    def build(self) -> None:
        self.add_id()
        self.fields["municipality"] = forms.ChoiceField(
            label=_("Municipality"), choices=self.choices.municipalities
        )
        self.fields["address"] = forms.CharField(
            label=_("Street address"), required=False, max_length=300
        )
        self.fields["postal_code"] = forms.RegexField(
            label=_("Postal code"), regex=r"^\d{5}$", required=False
        )
        self.fields["latitude"] = forms.FloatField(
            label=_("Latitude (WGS84, e.g. 64.13)"), required=False, min_value=59, max_value=70.5
        )
        self.fields["longitude"] = forms.FloatField(
            label=_("Longitude (WGS84, e.g. 29.52)"), required=False, min_value=19, max_value=31.6
        )
        self.add_section_source(required=False)
        self.add_text("name", str(_("Name")), required=True, long=False)

    def load(self, record: dict[str, Any]) -> None:
        super().load(record)
        for key in ("municipality", "address", "postal_code", "latitude", "longitude"):
            self.initial[key] = record.get(key)

    def record(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "id": d.get("id") or self.existing.get("id"),
            "name": self.text("name"),
            "municipality": d["municipality"],
            "address": d.get("address") or None,
            "postal_code": d.get("postal_code") or None,
            "latitude": d.get("latitude"),
            "longitude": d.get("longitude"),
            "source": self.source(),
        }


class ActivityForm(RecordForm):
    kind = "activity"

    def build(self) -> None:
        c = self.choices
        self.add_id()
        self.fields["activity_kind"] = forms.ChoiceField(
            label=_("Kind"), choices=[(k.value, k.value) for k in ActivityKind]
        )
        self.fields["organisers"] = multi(str(_("Organisers")), c.organisations, checkboxes=False)
        self.fields["municipalities"] = multi(str(_("Municipalities")), c.municipalities)
        self.fields["phases"] = forms.MultipleChoiceField(
            label=_("Phases"),
            choices=[(p.id, f"{p.name_fi} ({p.name_en})") for p in PHASES],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["start_year"] = forms.IntegerField(
            label=_("Start year"), required=False, min_value=1990, max_value=2100
        )
        self.fields["end_year"] = forms.IntegerField(
            label=_("End year"), required=False, min_value=1990, max_value=2100
        )
        self.add_section_source()
        self.add_text("name", str(_("Name")), required=True, long=False)
        self.add_text("description", str(_("Description")), required=False)

    def load(self, record: dict[str, Any]) -> None:
        super().load(record)
        period = record.get("period") or {}
        self.initial.update(
            activity_kind=record.get("kind"),
            organisers=record.get("organisers", []),
            municipalities=record.get("municipalities", []),
            phases=record.get("phases", []),
            start_year=period.get("start_year"),
            end_year=period.get("end_year"),
        )

    def record(self) -> dict[str, Any]:
        d = self.cleaned_data
        period = {k: d[k] for k in ("start_year", "end_year") if d.get(k) is not None} or None
        return {
            "id": d.get("id") or self.existing.get("id"),
            "kind": d["activity_kind"],
            "name": self.text("name"),
            "organisers": d.get("organisers") or [],
            "municipalities": d.get("municipalities") or [],
            "phases": d["phases"],
            "period": period,
            "description": self.text("description"),
            "source": self.source(),
        }


class OrganisationForm(RecordForm):
    kind = "organisation"

    def build(self) -> None:
        self.add_id()
        self.fields["organisation_kind"] = forms.ChoiceField(
            label=_("Kind"), choices=[(k.value, k.value) for k in OrganisationKind]
        )
        self.fields["municipality"] = forms.ChoiceField(
            label=_("Municipality"), choices=BLANK + self.choices.municipalities, required=False
        )
        self.fields["units"] = forms.CharField(
            label=_("Units, one a line: identifier | Finnish name | parent identifier (optional)"),
            widget=forms.Textarea(attrs={"rows": 5}),
            required=False,
        )
        self.add_section_source(required=False)
        self.add_text("name", str(_("Name")), required=True, long=False)

    def load(self, record: dict[str, Any]) -> None:
        super().load(record)
        self.initial.update(
            organisation_kind=record.get("kind"),
            municipality=record.get("municipality") or "",
            units="\n".join(
                " | ".join(
                    [u["id"], u["name"].get("fi", "")] + ([u["parent"]] if u.get("parent") else [])
                )
                for u in record.get("units", [])
            ),
        )

    def clean_units(self) -> list[dict[str, Any]]:
        old = {u["id"]: u for u in self.existing.get("units", [])}
        units = []
        for number, line in enumerate(str(self.cleaned_data.get("units", "")).splitlines(), 1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    _("Line %(n)s: write identifier | Finnish name") % {"n": number}
                )
            name = dict(old.get(parts[0], {}).get("name", {}))
            name["fi"] = parts[1]
            unit: dict[str, Any] = {"id": parts[0], "name": name}
            if len(parts) > 2 and parts[2]:
                unit["parent"] = parts[2]
            units.append(unit)
        return units

    def record(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "id": d.get("id") or self.existing.get("id"),
            "kind": d["organisation_kind"],
            "name": self.text("name"),
            "municipality": d.get("municipality") or None,
            "units": d.get("units") or [],
            "source": self.source(),
        }


class CoordinatorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    title_fi = forms.CharField(label=_("Title (Finnish)"), max_length=300, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    unit = forms.ChoiceField(label=_("Unit"), required=False)

    def __init__(self, *args: Any, choices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = BLANK + choices.organisations  # type: ignore[attr-defined]
        self.fields["unit"].choices = BLANK + choices.units  # type: ignore[attr-defined]


CoordinatorFormSet = forms.formset_factory(CoordinatorForm, extra=1, can_delete=True)


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Why (note for the reviewer and the history)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("Why is this published (required)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    source = forms.CharField(
        label=_(
            "Source (required): a decision, a link or a document, e.g. "
            "“decided by the cooperation group on 14.3.2025”"
        ),
        max_length=1000,
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs changing (required)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code from your authenticator app"),
        regex=r"^\d{6}$",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "6"}
        ),
    )
