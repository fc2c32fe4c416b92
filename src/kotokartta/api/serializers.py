"""What the resource endpoints return. Every translated text is a `LocalisedText`
`{"text": …, "lang": …}`: `lang` says which language the text is actually in (the requested one,
else English, else Finnish, as `core.text.localised` picks). `names` members give a name in every
language the data has.

The serializers read `context["lang"]` and `context["request"]`; lookups that several items share
(roles, places, flags, municipalities) come in the context from the view, loaded once per request.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kotokartta.core.text import localised, text_language
from kotokartta.programme import models as m
from kotokartta.programme.facts import provider_of, seller_of, served_municipalities
from kotokartta.programme.vocabulary import (
    CONTENT_LANGUAGES,
    PHASES,
    SECTIONS,
    ActivityKind,
    ClientGroup,
    FlagKind,
    Mode,
    OrganisationKind,
    Status,
    TargetGroup,
)

PHASE_IDS = [p.id for p in PHASES]


def localised_text(text: dict[str, str] | None, lang: str) -> dict[str, str] | None:
    """`{"text", "lang"}` for a translated text, or None when there is no text."""
    value = localised(text, lang)
    if not value:
        return None
    return {"text": value, "lang": text_language(text, lang) or "fi"}


def absolute(request: Any, view_name: str, **kwargs: str) -> str:
    path = reverse(view_name, kwargs=kwargs)
    return str(request.build_absolute_uri(path)) if request is not None else path


def cached_ref(context: dict[str, Any], serializer: type[serializers.Serializer], obj: Any) -> Any:
    """`serializer(obj).data`, built once per request: lists repeat the same references (an
    area-wide provision names all ten municipalities)."""
    cache = context.setdefault("_refs", {})
    key = (serializer, getattr(obj, "pk", None) or id(obj))
    if key not in cache:
        cache[key] = serializer(obj, context=context).data
    return cache[key]


class LocalisedTextSerializer(serializers.Serializer):
    text = serializers.CharField(help_text="The text.")
    lang = serializers.ChoiceField(
        choices=list(CONTENT_LANGUAGES),
        help_text="The language the text is in: the requested one, else English, else Finnish.",
    )

    class Meta:
        ref_name = "LocalisedText"


@extend_schema_field(LocalisedTextSerializer)
class LocalisedField(serializers.Field):
    """A translated text (a JSON object keyed by language) as `{"text", "lang"}`."""

    def to_representation(self, value: Any) -> dict[str, str] | None:
        return localised_text(value, self.context["lang"])


class NamesField(serializers.DictField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", "The name in every language the data gives, by language.")
        super().__init__(child=serializers.CharField(), **kwargs)


@extend_schema_field(OpenApiTypes.URI)
class DetailUrlField(serializers.Field):
    """The absolute address of an item's detail endpoint."""

    def __init__(self, view_name: str, attribute: str = "id", kwarg: str = "id", **kwargs: Any):
        self.view_name = view_name
        self.attribute = attribute
        self.kwarg = kwarg
        kwargs["source"] = "*"
        kwargs.setdefault("help_text", "This item in the API.")
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        key = value[self.attribute] if isinstance(value, dict) else getattr(value, self.attribute)
        return absolute(self.context.get("request"), self.view_name, **{self.kwarg: str(key)})


@extend_schema_field(OpenApiTypes.STR)
class BlankAsNullField(serializers.CharField):
    def to_representation(self, value: Any) -> str | None:
        return str(value) if value else None


class SourceSerializer(serializers.Serializer):
    section = serializers.ChoiceField(
        choices=list(SECTIONS), help_text="The section of the programme document."
    )
    quote = serializers.CharField(
        allow_null=True,
        help_text="Words that stand in the document exactly as given; null when the record "
        "cites the section as a whole.",
    )
    municipality = serializers.CharField(
        allow_null=True,
        help_text="Id of the municipality in whose paragraph the quote stands, when it is not "
        "the record's own.",
    )

    class Meta:
        ref_name = "Source"


# References: the short form of an item inside another.
class MunicipalityRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    code = serializers.CharField(help_text="Official three-digit municipality code.")
    name = LocalisedField()
    url = DetailUrlField("api:municipality-detail", attribute="code", kwarg="code")

    class Meta:
        ref_name = "MunicipalityRef"


class OrganisationRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    url = DetailUrlField("api:organisation-detail")

    class Meta:
        ref_name = "OrganisationRef"


class UnitRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()

    class Meta:
        ref_name = "UnitRef"


class RoleSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()

    class Meta:
        ref_name = "Role"


class PlaceRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    url = DetailUrlField("api:place-detail")

    class Meta:
        ref_name = "PlaceRef"


class ActivityRefSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    url = DetailUrlField("api:activity-detail")

    class Meta:
        ref_name = "ActivityRef"


# Municipalities
class CoordinatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = LocalisedField()
    email = serializers.CharField(help_text="Work e-mail address, as the document gives it.")
    organisation = OrganisationRefSerializer()
    unit = UnitRefSerializer(allow_null=True)
    source = SourceSerializer()

    class Meta:
        ref_name = "Coordinator"


class MunicipalitySerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The data's id (a slug of the Finnish name).")
    code = serializers.CharField(help_text="Official three-digit municipality code.")
    name = LocalisedField()
    names = NamesField(source="name")
    aliases = serializers.ListField(
        child=serializers.CharField(),
        help_text="Other spellings that find the municipality, e.g. the document's misspellings.",
    )
    wellbeing_county = OrganisationRefSerializer(
        help_text="The wellbeing services county (hyvinvointialue) the municipality belongs to."
    )
    receives_quota_refugees = serializers.BooleanField()
    coordinators = CoordinatorSerializer(
        many=True, help_text="The programme's contact people in the municipality."
    )
    source = SourceSerializer(allow_null=True)
    url = DetailUrlField("api:municipality-detail", attribute="code", kwarg="code")

    class Meta:
        ref_name = "Municipality"


# Organisations
class UnitSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    names = NamesField(source="name")
    parent = serializers.CharField(
        source="parent_id", allow_null=True, help_text="Id of the parent unit, if any."
    )

    class Meta:
        ref_name = "Unit"


class OrganisationSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=[k.value for k in OrganisationKind])
    name = LocalisedField()
    names = NamesField(source="name")
    municipality = MunicipalityRefSerializer(
        allow_null=True,
        help_text="For a municipal organisation its municipality; for others where it is based.",
    )
    units = UnitSerializer(many=True)
    source = SourceSerializer(allow_null=True)
    url = DetailUrlField("api:organisation-detail")

    class Meta:
        ref_name = "Organisation"


# Places
class CoordinatesSerializer(serializers.Serializer):
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()

    class Meta:
        ref_name = "Coordinates"


@extend_schema_field(CoordinatesSerializer)
class CoordinatesField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, place: m.Place) -> dict[str, float] | None:
        if place.latitude is None or place.longitude is None:
            return None
        return {"latitude": place.latitude, "longitude": place.longitude}


class PlaceSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = LocalisedField()
    names = NamesField(source="name")
    municipality = MunicipalityRefSerializer()
    address = BlankAsNullField(allow_null=True, help_text="Street address, when the data has one.")
    postal_code = BlankAsNullField(allow_null=True)
    coordinates = CoordinatesField(
        allow_null=True,
        help_text="WGS84 latitude and longitude, only where the document or an authoritative "
        "register states them (currently for no place); null otherwise.",
    )
    source = SourceSerializer(allow_null=True)
    url = DetailUrlField("api:place-detail")

    class Meta:
        ref_name = "Place"


# Phases
class LawSerializer(serializers.Serializer):
    current = serializers.CharField(help_text="The section of the law in force; may be empty.")
    document = serializers.CharField(help_text="What the programme document cites; may be empty.")
    note = LocalisedField(
        allow_null=True, help_text="Why the two differ, when they do (e.g. a repealed section)."
    )

    class Meta:
        ref_name = "Law"


class PhaseSerializer(serializers.Serializer):
    id = serializers.ChoiceField(choices=PHASE_IDS)
    name = LocalisedField()
    names = NamesField(source="name")
    law = LawSerializer()
    section = serializers.ChoiceField(
        choices=list(SECTIONS), help_text="The document section that describes the phase."
    )
    order = serializers.IntegerField(help_text="Position in the programme, from 0.")
    url = DetailUrlField("api:phase-detail")

    class Meta:
        ref_name = "Phase"


def phase_record(index: int) -> dict[str, Any]:
    """A vocabulary phase as the plain record PhaseSerializer reads."""
    phase = PHASES[index]
    note = {"fi": phase.law.note_fi, "en": phase.law.note_en} if phase.law.note_fi else None
    return {
        "id": phase.id,
        "name": {"fi": phase.name_fi, "en": phase.name_en},
        "law": {"current": phase.law.current, "document": phase.law.document, "note": note},
        "section": phase.section,
        "order": index,
    }


# Provisions
@extend_schema_field(serializers.ListSerializer(child=MunicipalityRefSerializer()))
class ServedMunicipalitiesField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, provision: m.Provision) -> list[dict[str, Any]]:
        every: list[m.Municipality] = self.context["municipalities"]
        served = served_municipalities(provision, municipalities=every)
        return [cached_ref(self.context, MunicipalityRefSerializer, x) for x in served]


class ProviderSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    unit = UnitRefSerializer(allow_null=True)

    class Meta:
        ref_name = "Provider"


@extend_schema_field(ProviderSerializer)
class ProviderField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, provision: m.Provision) -> dict[str, Any] | None:
        provider = provider_of(provision)
        if provider is None or provider.organisation is None:
            return None
        return {
            "organisation": cached_ref(
                self.context, OrganisationRefSerializer, provider.organisation
            ),
            "unit": cached_ref(self.context, UnitRefSerializer, provider.unit)
            if provider.unit
            else None,
        }


class SellerSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    municipality = MunicipalityRefSerializer(
        allow_null=True, help_text="The selling municipality, when the seller is a municipality."
    )

    class Meta:
        ref_name = "Seller"


@extend_schema_field(SellerSerializer)
class SellerField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, provision: m.Provision) -> dict[str, Any] | None:
        seller = seller_of(provision)
        if seller is None:
            return None
        organisation, municipality = seller.organisation, seller.municipality
        return {
            "organisation": cached_ref(self.context, OrganisationRefSerializer, organisation),
            "municipality": None
            if municipality is None
            else cached_ref(self.context, MunicipalityRefSerializer, municipality),
        }


@extend_schema_field(serializers.ListSerializer(child=RoleSerializer()))
class AlternativeRolesField(serializers.Field):
    def to_representation(self, role_ids: list[str]) -> list[dict[str, Any]]:
        roles: dict[str, m.Role] = self.context["roles"]
        return [RoleSerializer(roles[r], context=self.context).data for r in role_ids if r in roles]


@extend_schema_field(serializers.ListSerializer(child=PlaceRefSerializer()))
class PlacesField(serializers.Field):
    def to_representation(self, place_ids: list[str]) -> list[dict[str, Any]]:
        places: dict[str, m.Place] = self.context["places"]
        return [
            cached_ref(self.context, PlaceRefSerializer, places[p])
            for p in place_ids
            if p in places
        ]


class PartnerSerializer(serializers.Serializer):
    organisation = OrganisationRefSerializer()
    unit = UnitRefSerializer(allow_null=True)
    role = RoleSerializer(allow_null=True)
    note = LocalisedField(allow_null=True)

    class Meta:
        ref_name = "Partner"


class ConditionSerializer(serializers.Serializer):
    text = LocalisedField(allow_null=True, help_text="Who the provision is restricted to.")
    uses_finnish = serializers.BooleanField(
        allow_null=True,
        help_text="Only for people who do (true) or do not (false) use Finnish; null: either.",
    )

    class Meta:
        ref_name = "Condition"


@extend_schema_field(ConditionSerializer)
class ConditionField(serializers.Field):
    def to_representation(self, condition: dict[str, Any] | None) -> dict[str, Any] | None:
        if not condition:
            return None
        return {
            "text": localised_text(condition.get("text"), self.context["lang"]),
            "uses_finnish": condition.get("uses_finnish"),
        }


class FlagSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=[k.value for k in FlagKind])
    text = LocalisedField()

    class Meta:
        ref_name = "Flag"


@extend_schema_field(serializers.ListSerializer(child=FlagSerializer()))
class FlagsField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, provision: m.Provision) -> list[dict[str, Any]]:
        flags: dict[str, list[m.Flag]] = self.context["flags"]
        return FlagSerializer(flags.get(provision.id, []), many=True, context=self.context).data


class ProvisionSerializer(serializers.Serializer):
    id = serializers.CharField()
    phase = serializers.ChoiceField(choices=PHASE_IDS)
    municipality = MunicipalityRefSerializer(
        allow_null=True, help_text="The municipality whose provision it is; null: area-wide."
    )
    municipalities = ServedMunicipalitiesField(
        help_text="The municipalities whose residents it serves."
    )
    clients = serializers.ListField(
        child=serializers.ChoiceField(choices=[c.value for c in ClientGroup])
    )
    status = serializers.ChoiceField(choices=[s.value for s in Status])
    responsible = MunicipalityRefSerializer(
        allow_null=True, help_text="The responsible municipality, when one is named."
    )
    responsible_is_residence = serializers.BooleanField(
        help_text="The person's own municipality of residence is responsible (area-wide "
        "provisions)."
    )
    provider = ProviderField(
        allow_null=True, help_text="Who actually provides it, when the document says."
    )
    role = RoleSerializer(allow_null=True, help_text="Who does it.")
    alternative_roles = AlternativeRolesField(
        source="alternative_role_ids", help_text="Or who else may do it."
    )
    purchased = serializers.BooleanField(
        help_text="The responsible municipality buys it (ostopalvelu) from the provider."
    )
    seller = SellerField(
        allow_null=True,
        help_text="Whom a purchased provision is bought from: the provider organisation; null "
        "when it is not purchased or the document does not name the seller.",
    )
    places = PlacesField(source="place_ids")
    modes = serializers.ListField(child=serializers.ChoiceField(choices=[x.value for x in Mode]))
    partners = PartnerSerializer(many=True, source="partners.all")
    languages = serializers.ListField(
        child=serializers.CharField(), help_text="ISO 639-1 codes, where the document states them."
    )
    target_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=[x.value for x in TargetGroup]),
        help_text="Whom it is for (residence bases, or a narrower group the document names, "
        "e.g. spouses of people who came to work or study); empty: everyone in the client groups.",
    )
    condition = ConditionField(allow_null=True)
    activity = ActivityRefSerializer(allow_null=True)
    details = LocalisedField(allow_null=True, help_text="What the document says, in our words.")
    planned_from = serializers.IntegerField(
        allow_null=True, help_text="The year a planned provision is to start."
    )
    flags = FlagsField(help_text="What the document gets wrong or leaves open about it.")
    source = SourceSerializer()
    url = DetailUrlField("api:provision-detail")

    class Meta:
        ref_name = "Provision"


# Activities
class PeriodSerializer(serializers.Serializer):
    start_year = serializers.IntegerField(allow_null=True)
    end_year = serializers.IntegerField(allow_null=True)

    class Meta:
        ref_name = "Period"


@extend_schema_field(PeriodSerializer)
class PeriodField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, activity: m.Activity) -> dict[str, Any] | None:
        if activity.start_year is None and activity.end_year is None:
            return None
        return {"start_year": activity.start_year, "end_year": activity.end_year}


@extend_schema_field(serializers.ListSerializer(child=OrganisationRefSerializer()))
class OrganisersField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, activity: m.Activity) -> list[dict[str, Any]]:
        by_id = {o.id: o for o in activity.organisers.all()}
        ordered = [by_id[i] for i in activity.organiser_order if i in by_id]
        ordered += [o for i, o in by_id.items() if i not in activity.organiser_order]
        return OrganisationRefSerializer(ordered, many=True, context=self.context).data


@extend_schema_field(serializers.ListSerializer(child=MunicipalityRefSerializer()))
class ActivityMunicipalitiesField(serializers.Field):
    def __init__(self, **kwargs: Any) -> None:
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, activity: m.Activity) -> list[dict[str, Any]]:
        by_id = {x.id: x for x in activity.municipalities.all()}
        ordered = [by_id[i] for i in activity.municipality_order if i in by_id]
        ordered += [x for i, x in by_id.items() if i not in activity.municipality_order]
        return MunicipalityRefSerializer(ordered, many=True, context=self.context).data


class ActivitySerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=[k.value for k in ActivityKind])
    name = LocalisedField()
    names = NamesField(source="name")
    organisers = OrganisersField()
    municipalities = ActivityMunicipalitiesField()
    phases = serializers.ListField(child=serializers.ChoiceField(choices=PHASE_IDS))
    period = PeriodField(allow_null=True, help_text="Years it runs, when the document says.")
    description = LocalisedField(allow_null=True)
    provisions = serializers.SerializerMethodField(
        help_text="Ids of the provisions that are this activity."
    )
    source = SourceSerializer()
    url = DetailUrlField("api:activity-detail")

    class Meta:
        ref_name = "Activity"

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_provisions(self, activity: m.Activity) -> list[str]:
        return [p.id for p in activity.provisions.all()]
