"""Schemas of the document endpoints. Their bodies are not built here: the path is
`Path.as_dict()` from `paths.selectors.path_for` (byte for byte what `kotokartta path --json`
prints), search results come from `search.selectors.search` (what `kotokartta search --json`
prints) and coverage from `coverage.formats.coverage_document` (the coverage page's JSON
download). These serializers only describe those dicts for the OpenAPI schema, and the schema
tests check every answer against them.

Texts in these documents are plain strings in one language, which the document's `lang` member
names (each search result has its own, since a title without a translation stays Finnish).
"""

from __future__ import annotations

from rest_framework import serializers

from kotokartta.coverage.selectors import DISPLAY_CLASSES, GAP_KINDS
from kotokartta.programme.vocabulary import (
    CONTENT_LANGUAGES,
    PHASES,
    SECTIONS,
    ClientGroup,
    FlagKind,
    Mode,
    ResidenceBasis,
    Status,
)

PHASE_IDS = [p.id for p in PHASES]
CLIENTS = [c.value for c in ClientGroup]
STATUSES = [s.value for s in Status]


def _strings(help_text: str = "") -> serializers.ListField:
    return serializers.ListField(child=serializers.CharField(), help_text=help_text)


# The path (`kotokartta path --json`).
class PathMunicipalitySerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()

    class Meta:
        ref_name = "PathMunicipality"


class PathProfileSerializer(serializers.Serializer):
    client = serializers.ChoiceField(choices=CLIENTS)
    uses_finnish = serializers.BooleanField(allow_null=True)
    residence_basis = serializers.ChoiceField(
        choices=[b.value for b in ResidenceBasis], allow_null=True
    )

    class Meta:
        ref_name = "PathProfile"


class PathCoordinatorSerializer(serializers.Serializer):
    name = serializers.CharField()
    title = serializers.CharField()
    email = serializers.CharField()
    organisation = serializers.CharField()
    unit = serializers.CharField(allow_null=True)

    class Meta:
        ref_name = "PathCoordinator"


class PathLawSerializer(serializers.Serializer):
    current = serializers.CharField(allow_blank=True)
    document = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True, help_text="In Finnish.")
    note_en = serializers.CharField(allow_blank=True, help_text="In English.")

    class Meta:
        ref_name = "PathLaw"


class PathProviderSerializer(serializers.Serializer):
    organisation = serializers.CharField(allow_null=True)
    organisation_id = serializers.CharField(allow_null=True)
    unit = serializers.CharField(allow_null=True)
    unit_id = serializers.CharField(allow_null=True)
    municipality = PathMunicipalitySerializer(allow_null=True)
    role = serializers.CharField(allow_null=True)
    role_id = serializers.CharField(allow_null=True)

    class Meta:
        ref_name = "PathProvider"


class PathPlaceSerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    address = serializers.CharField(allow_null=True)
    postal_code = serializers.CharField(allow_null=True)
    municipality = serializers.CharField()

    class Meta:
        ref_name = "PathPlace"


class PathPartnerSerializer(serializers.Serializer):
    organisation = serializers.CharField()
    organisation_id = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    role = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_null=True)

    class Meta:
        ref_name = "PathPartner"


class PathPeriodSerializer(serializers.Serializer):
    start_year = serializers.IntegerField(allow_null=True)
    end_year = serializers.IntegerField(allow_null=True)

    class Meta:
        ref_name = "PathPeriod"


class PathActivitySerializer(serializers.Serializer):
    id = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    organisers = _strings()
    period = PathPeriodSerializer(allow_null=True)

    class Meta:
        ref_name = "PathActivity"


class PathFlagSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=[k.value for k in FlagKind])
    text = serializers.CharField(allow_blank=True)

    class Meta:
        ref_name = "PathFlag"


class PathSourceSerializer(serializers.Serializer):
    section = serializers.ChoiceField(choices=list(SECTIONS))
    quote = serializers.CharField(required=False)
    municipality = serializers.CharField(required=False)

    class Meta:
        ref_name = "PathSource"


class PathStepSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=PHASE_IDS)
    phase_name = serializers.CharField()
    law = PathLawSerializer()
    status = serializers.ChoiceField(choices=STATUSES)
    responsible = PathMunicipalitySerializer(allow_null=True)
    provider = PathProviderSerializer(allow_null=True)
    purchased = serializers.BooleanField()
    places = PathPlaceSerializer(many=True)
    modes = serializers.ListField(child=serializers.ChoiceField(choices=[x.value for x in Mode]))
    partners = PathPartnerSerializer(many=True)
    languages = _strings("ISO 639-1 codes.")
    target_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=[b.value for b in ResidenceBasis])
    )
    condition = serializers.CharField(allow_null=True)
    alternative_roles = _strings()
    activity = PathActivitySerializer(allow_null=True)
    planned_from = serializers.IntegerField(allow_null=True)
    details = serializers.CharField(allow_blank=True)
    flags = PathFlagSerializer(many=True)
    source = PathSourceSerializer(allow_null=True)
    provision = serializers.CharField(
        allow_null=True, help_text="Id of the provision; null for an undetermined step."
    )

    class Meta:
        ref_name = "PathStep"


class PathDocumentSerializer(serializers.Serializer):
    municipality = PathMunicipalitySerializer()
    client = serializers.ChoiceField(choices=CLIENTS)
    profile = PathProfileSerializer()
    lang = serializers.ChoiceField(
        choices=["fi", "en"], help_text="The language of every text in the document."
    )
    data_date = serializers.DateField(help_text="Date of the programme data.")
    coordinators = PathCoordinatorSerializer(many=True)
    steps = PathStepSerializer(
        many=True,
        help_text="Every phase in programme order; a phase the document leaves open for this "
        "person is a step with status `undetermined`.",
    )

    class Meta:
        ref_name = "PathDocument"


# Search (`kotokartta search --json`, with each result's language).
class SearchResultSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=PHASE_IDS, allow_null=True)
    municipality = serializers.CharField(allow_null=True, help_text="Municipality id, if any.")
    title = serializers.CharField()
    url = serializers.CharField(help_text="The guide page (a path on this site).")
    lang = serializers.ChoiceField(
        choices=list(CONTENT_LANGUAGES), help_text="The language of the title."
    )

    class Meta:
        ref_name = "SearchResult"


class SearchDocumentSerializer(serializers.Serializer):
    results = SearchResultSerializer(many=True, help_text="Best first, at most 30.")

    class Meta:
        ref_name = "SearchResults"


# Coverage (coverage.formats.coverage_document).
class CoverageMunicipalitySerializer(serializers.Serializer):
    id = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()

    class Meta:
        ref_name = "CoverageMunicipality"


class CoverageCellSerializer(serializers.Serializer):
    municipality = CoverageMunicipalitySerializer()
    phase = serializers.ChoiceField(choices=PHASE_IDS)
    phase_name = serializers.CharField()
    client = serializers.ChoiceField(choices=CLIENTS)
    status_class = serializers.ChoiceField(choices=list(DISPLAY_CLASSES))
    statuses = serializers.ListField(child=serializers.ChoiceField(choices=STATUSES))
    partly_open = serializers.BooleanField()
    providers = _strings()
    purchased_from = _strings()
    provisions = _strings("Provision ids.")
    url = serializers.CharField(help_text="The municipality's guide page at this phase.")

    class Meta:
        ref_name = "CoverageCell"


class CoverageGapSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=list(GAP_KINDS))
    municipality = CoverageMunicipalitySerializer(
        allow_null=True, help_text="null: the whole area."
    )
    phase = serializers.ChoiceField(choices=PHASE_IDS, allow_null=True)
    phase_name = serializers.CharField(allow_null=True)
    clients = serializers.ListField(child=serializers.ChoiceField(choices=CLIENTS))
    provision = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=STATUSES, allow_null=True)
    flag_kind = serializers.ChoiceField(choices=[k.value for k in FlagKind], allow_null=True)
    flag = serializers.CharField(allow_null=True)
    subject = serializers.CharField(allow_null=True)
    text = serializers.CharField(allow_blank=True)

    class Meta:
        ref_name = "CoverageGap"


class CoverageLanguageSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()

    class Meta:
        ref_name = "CoverageLanguage"


class CoverageOrientationSerializer(serializers.Serializer):
    municipality = CoverageMunicipalitySerializer()
    languages = CoverageLanguageSerializer(many=True)
    receives_quota_refugees = serializers.BooleanField()
    provisions = _strings()

    class Meta:
        ref_name = "CoverageOrientation"


class CoverageDocumentSerializer(serializers.Serializer):
    matrix = CoverageCellSerializer(
        many=True, help_text="Every municipality × phase × client group, in area order."
    )
    gaps = CoverageGapSerializer(many=True, help_text="What coordinators have to follow up.")
    orientation = CoverageOrientationSerializer(
        many=True, help_text="Languages of civic orientation per municipality."
    )
    data_date = serializers.DateField(help_text="Date of the programme data.")
    today = serializers.DateField(help_text="The date planned start years were compared with.")
    lang = serializers.ChoiceField(choices=["fi", "en"])

    class Meta:
        ref_name = "CoverageDocument"
