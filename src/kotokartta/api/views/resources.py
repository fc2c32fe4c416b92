"""The programme's records: municipalities, organisations, places, phases, provisions,
activities. Lists are paginated; every item links to its detail endpoint."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics

from kotokartta.api import serializers as s
from kotokartta.api.errors import not_found
from kotokartta.api.filters import (
    MUNICIPALITY_NOT_FOUND,
    PageParams,
    ProvisionParams,
    QueryParams,
    find_municipality,
    municipality_parameter,
)
from kotokartta.api.pagination import ApiPagination
from kotokartta.api.views.base import PAGE_NOT_FOUND, ApiViewMixin, responses
from kotokartta.programme import models as m
from kotokartta.programme.models import ProvisionQuerySet
from kotokartta.programme.vocabulary import PHASE_ORDER, PHASES


class ListView(ApiViewMixin, generics.ListAPIView):
    pagination_class = ApiPagination
    params_class = PageParams


class DetailView(ApiViewMixin, generics.RetrieveAPIView):
    params_class = QueryParams
    kind = "item"
    lookup_url_kwarg = "id"

    def lookup(self, key: str) -> Any:
        return self.get_queryset().filter(pk=key).first()

    def get_object(self) -> Any:
        key = self.kwargs[self.lookup_url_kwarg]
        found = self.lookup(key)
        if found is None:
            raise not_found(f"There is no {self.kind} {key!r}.", parameter=self.lookup_url_kwarg)
        return found


def _id_parameter(name: str, description: str, *examples: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        str,
        OpenApiParameter.PATH,
        description=description,
        examples=[OpenApiExample(value, value=value) for value in examples],
    )


# Municipalities
def _municipalities() -> QuerySet[m.Municipality]:
    return m.Municipality.objects.select_related("wellbeing_county").prefetch_related(
        "coordinators__organisation", "coordinators__unit"
    )


@extend_schema_view(
    get=extend_schema(
        tags=["municipalities"],
        summary="List the municipalities",
        description="The ten municipalities of the programme in the area's order, each with its "
        "names, aliases, wellbeing services county, whether it receives quota refugees, and its "
        "programme coordinators.",
        parameters=[PageParams],
        responses=responses(
            s.MunicipalitySerializer, "A page of municipalities.", not_found=PAGE_NOT_FOUND
        ),
    )
)
class MunicipalityList(ListView):
    serializer_class = s.MunicipalitySerializer

    def get_queryset(self) -> QuerySet[m.Municipality]:
        return _municipalities()


@extend_schema_view(
    get=extend_schema(
        tags=["municipalities"],
        summary="One municipality",
        description="A municipality by official code; its Finnish or Swedish name, id or alias "
        "works too (`205`, `kajaani`, `Kajana`).",
        parameters=[
            QueryParams,
            _id_parameter(
                "code",
                "Official code (e.g. `205`), or a name, id or alias.",
                "205",
                "Kajana",
            ),
        ],
        responses=responses(
            s.MunicipalitySerializer, "The municipality.", not_found="No such municipality."
        ),
    )
)
class MunicipalityDetail(DetailView):
    serializer_class = s.MunicipalitySerializer
    kind = "municipality"
    lookup_url_kwarg = "code"

    def get_queryset(self) -> QuerySet[m.Municipality]:
        return _municipalities()

    def lookup(self, key: str) -> m.Municipality | None:
        return self.get_queryset().find(key)  # type: ignore[attr-defined]


# Organisations
@extend_schema_view(
    get=extend_schema(
        tags=["organisations"],
        summary="List the organisations",
        description="Every organisation the programme names (municipalities as service "
        "organisations, wellbeing services counties, schools, associations, companies, "
        "authorities, projects), with their units.",
        parameters=[PageParams],
        responses=responses(
            s.OrganisationSerializer, "A page of organisations.", not_found=PAGE_NOT_FOUND
        ),
    )
)
class OrganisationList(ListView):
    serializer_class = s.OrganisationSerializer

    def get_queryset(self) -> QuerySet[m.Organisation]:
        return m.Organisation.objects.select_related("municipality").prefetch_related("units")


@extend_schema_view(
    get=extend_schema(
        tags=["organisations"],
        summary="One organisation",
        description="An organisation by id, with its units.",
        parameters=[
            QueryParams,
            _id_parameter("id", "The organisation's id.", "kainuun-hyvinvointialue"),
        ],
        responses=responses(
            s.OrganisationSerializer, "The organisation.", not_found="No such organisation."
        ),
    )
)
class OrganisationDetail(DetailView):
    serializer_class = s.OrganisationSerializer
    kind = "organisation"

    def get_queryset(self) -> QuerySet[m.Organisation]:
        return m.Organisation.objects.select_related("municipality").prefetch_related("units")


# Places
@extend_schema_view(
    get=extend_schema(
        tags=["places"],
        summary="List the places",
        description="Places where services are given, as the document names them. Addresses and "
        "coordinates appear only where the document or an authoritative register states them; "
        "currently no place has coordinates.",
        parameters=[PageParams],
        responses=responses(s.PlaceSerializer, "A page of places.", not_found=PAGE_NOT_FOUND),
    )
)
class PlaceList(ListView):
    serializer_class = s.PlaceSerializer

    def get_queryset(self) -> QuerySet[m.Place]:
        return m.Place.objects.select_related("municipality")


@extend_schema_view(
    get=extend_schema(
        tags=["places"],
        summary="One place",
        description="A place by id.",
        parameters=[QueryParams, _id_parameter("id", "The place's id.", "kajaanin-kaupungintalo")],
        responses=responses(s.PlaceSerializer, "The place.", not_found="No such place."),
    )
)
class PlaceDetail(DetailView):
    serializer_class = s.PlaceSerializer
    kind = "place"

    def get_queryset(self) -> QuerySet[m.Place]:
        return m.Place.objects.select_related("municipality")


# Phases
@extend_schema_view(
    get=extend_schema(
        tags=["phases"],
        summary="List the phases",
        description="The programme's twelve phases in order (the fixed vocabulary), with the "
        "section of the Integration Act in force, what the document cites, and a note where "
        "the two differ.",
        parameters=[PageParams],
        responses=responses(s.PhaseSerializer, "A page of phases.", not_found=PAGE_NOT_FOUND),
    )
)
class PhaseList(ListView):
    serializer_class = s.PhaseSerializer

    def get_queryset(self) -> list[dict[str, Any]]:
        return [s.phase_record(index) for index in range(len(PHASES))]


@extend_schema_view(
    get=extend_schema(
        tags=["phases"],
        summary="One phase",
        description="A phase by id.",
        parameters=[
            QueryParams,
            OpenApiParameter(
                "id",
                str,
                OpenApiParameter.PATH,
                enum=[p.id for p in PHASES],
                description="The phase's id.",
            ),
        ],
        responses=responses(s.PhaseSerializer, "The phase.", not_found="No such phase."),
    )
)
class PhaseDetail(DetailView):
    serializer_class = s.PhaseSerializer
    kind = "phase"

    def lookup(self, key: str) -> dict[str, Any] | None:
        index = PHASE_ORDER.get(key)
        return None if index is None else s.phase_record(index)


# Provisions
def _provisions() -> ProvisionQuerySet:
    return (
        m.Provision.objects.with_related()
        .select_related("municipality")
        .prefetch_related("area_municipalities")
    )


class ProvisionContextMixin:
    def get_serializer_context(self) -> dict[str, Any]:
        context: dict[str, Any] = super().get_serializer_context()  # type: ignore[misc]
        flags: dict[str, list[m.Flag]] = {}
        for flag in m.Flag.objects.exclude(subject=""):
            flags.setdefault(flag.subject, []).append(flag)
        context.update(
            municipalities=list(m.Municipality.objects.all()),
            roles={r.id: r for r in m.Role.objects.all()},
            places={p.id: p for p in m.Place.objects.all()},
            flags=flags,
        )
        return context


@extend_schema_view(
    get=extend_schema(
        tags=["provisions"],
        summary="List the provisions",
        description="What the municipalities' residents get in each phase: who is responsible, "
        "who provides it, whether it is bought, where and how, with whom, for whom, and the "
        "document's words it rests on. Filters combine; `municipality` gives the provisions that "
        "serve its residents (its own and the area-wide ones).",
        parameters=[ProvisionParams, municipality_parameter(ProvisionParams)],
        responses=responses(
            s.ProvisionSerializer,
            "A page of provisions.",
            not_found=PAGE_NOT_FOUND + " Or: " + MUNICIPALITY_NOT_FOUND,
        ),
    )
)
class ProvisionList(ProvisionContextMixin, ListView):
    serializer_class = s.ProvisionSerializer
    params_class = ProvisionParams

    def get_queryset(self) -> ProvisionQuerySet:
        queryset = _provisions()
        params = self.params
        if "municipality" in params:
            municipality = find_municipality(params["municipality"])
            queryset = queryset.serving(municipality)
        if "phase" in params:
            queryset = queryset.filter(phase=params["phase"])
        if "status" in params:
            queryset = queryset.filter(status=params["status"])
        if "purchased" in params:
            queryset = queryset.filter(purchased=params["purchased"] == "true")
        if "client" in params:
            # `clients` is a JSON list; filter in Python to stay database-neutral.
            ids = [
                pid
                for pid, clients in queryset.values_list("id", "clients")
                if params["client"] in clients
            ]
            queryset = queryset.filter(id__in=ids)
        return queryset.order_by("order", "id")


@extend_schema_view(
    get=extend_schema(
        tags=["provisions"],
        summary="One provision",
        description="A provision by id.",
        parameters=[
            QueryParams,
            _id_parameter("id", "The provision's id.", "kajaani-assessment-other"),
        ],
        responses=responses(
            s.ProvisionSerializer, "The provision.", not_found="No such provision."
        ),
    )
)
class ProvisionDetail(ProvisionContextMixin, DetailView):
    serializer_class = s.ProvisionSerializer
    kind = "provision"

    def get_queryset(self) -> QuerySet[m.Provision]:
        return _provisions()


# Activities
def _activities() -> QuerySet[m.Activity]:
    return m.Activity.objects.prefetch_related("organisers", "municipalities", "provisions")


@extend_schema_view(
    get=extend_schema(
        tags=["activities"],
        summary="List the activities",
        description="Projects, groups and benefits the document names (Next Level, MamaTree, "
        "Kaikukortti…), with organisers, municipalities, phases and period.",
        parameters=[PageParams],
        responses=responses(
            s.ActivitySerializer, "A page of activities.", not_found=PAGE_NOT_FOUND
        ),
    )
)
class ActivityList(ListView):
    serializer_class = s.ActivitySerializer

    def get_queryset(self) -> QuerySet[m.Activity]:
        return _activities()


@extend_schema_view(
    get=extend_schema(
        tags=["activities"],
        summary="One activity",
        description="An activity by id.",
        parameters=[QueryParams, _id_parameter("id", "The activity's id.", "verkkokotokoulutus")],
        responses=responses(s.ActivitySerializer, "The activity.", not_found="No such activity."),
    )
)
class ActivityDetail(DetailView):
    serializer_class = s.ActivitySerializer
    kind = "activity"

    def get_queryset(self) -> QuerySet[m.Activity]:
        return _activities()
