"""PTV's own input rules for services (open API v11), checked on our export before it is written.

Source: the public description of the PTV open API, version 11 (its Swagger/OpenAPI document,
models `V9VmOpenApiServiceIn` — the body of `POST /api/v11/Service` — `V11VmOpenApiService`,
`VmOpenApiLocalizedListItem`, `VmOpenApiAreaIn`/`VmOpenApiArea`, `V6VmOpenApiServiceOrganization`
and `V9VmOpenApiServiceProducerIn`). What each rule rests on:

Confirmed from the API description (property documentation of the models above):
- Required on input: `fundingType`, `areaType`, `serviceDescriptions`, `languages`,
  `serviceProducers` (our `Producer` organisations), `publishingStatus` and
  `mainResponsibleOrganization` (our `Responsible` organisation).
- `fundingType`: PubliclyFunded or MarketFunded. `type`: Service, PermitOrObligation or
  ProfessionalQualification. `serviceChargeType`: Chargeable or FreeOfCharge (or absent).
- `areaType`: Nationwide, NationwideExceptAlandIslands or LimitedType. Area `type`: Municipality,
  Region, BusinessSubRegion or HospitalDistrict; for Municipality the codes are municipality codes
  ("491", "091"): three digits.
- `publishingStatus` on input: Draft or Published.
- Service name types: Name, AlternativeName; names at most 100 characters.
- Description types: Description, Summary, UserInstruction, ValidityTime, ProcessingTime,
  DeadLine, ChargeTypeAdditionalInfo, ServiceType; at most 2,500 characters for Description and
  UserInstruction, **150 for Summary**, 500 for the others.
- Keywords at most 150 characters; requirements at most 2,500.
- Organisation `roleType`: Responsible, Producer, OtherResponsible (version 7 and later);
  `provisionType` (version 8 and later): SelfProducedServices, ProcuredServices or Other; a
  producer's additional information at most 150 characters.

Our own reading, not stated as a rule in the description:
- Texts only in fi, sv and en: the languages PTV publishes texts in (`shapes.PTV_TEXT_LANGUAGES`).
  The description says only "Language code".
- A name and a summary in every language the service has a description in (PTV's
  `requiredPropertiesAvailableLanguages` names ServiceNames and ServiceDescriptions as the lists
  checked per language; the exact check is not spelled out).
- A `LimitedType` service needs at least one area; a `Responsible` or `OtherResponsible` entry has
  no provisionType, a `Producer` has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kotokartta.integrations.ptv.shapes import PTV_TEXT_LANGUAGES

FUNDING_TYPES = frozenset({"PubliclyFunded", "MarketFunded"})
SERVICE_TYPES = frozenset({"Service", "PermitOrObligation", "ProfessionalQualification"})
CHARGE_TYPES = frozenset({"Chargeable", "FreeOfCharge"})
AREA_TYPES = frozenset({"Nationwide", "NationwideExceptAlandIslands", "LimitedType"})
AREA_KINDS = frozenset({"Municipality", "Region", "BusinessSubRegion", "HospitalDistrict"})
PUBLISHING_STATUSES = frozenset({"Draft", "Published"})
NAME_TYPES = frozenset({"Name", "AlternativeName"})
NAME_MAX = 100
DESCRIPTION_MAX = {
    "Description": 2500,
    "UserInstruction": 2500,
    "Summary": 150,
    "ProcessingTime": 500,
    "DeadLine": 500,
    "ChargeTypeAdditionalInfo": 500,
    "ValidityTime": 500,
    "ServiceType": 500,
}
KEYWORD_MAX = 150
REQUIREMENT_MAX = 2500
ROLE_TYPES = frozenset({"Responsible", "Producer", "OtherResponsible"})
PROVISION_TYPES = frozenset({"SelfProducedServices", "ProcuredServices", "Other"})
PRODUCER_INFO_MAX = 150
MUNICIPALITY_CODE = re.compile(r"^\d{3}$")
REQUIRED = ("fundingType", "areaType", "serviceDescriptions", "languages", "publishingStatus")


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: which record (its sourceId), where in it, and what is wrong."""

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.field}: {self.message}"


def _choice(value: object, allowed: frozenset[str]) -> str | None:
    if value in allowed:
        return None
    return f"{value!r} is not one of {', '.join(sorted(allowed))}"


def _texts(
    items: object, field: str, types: Mapping[str, int] | None, problems: list[tuple[str, str]]
) -> list[Mapping[str, Any]]:
    """Check a list of language items; `types` maps each allowed type to its maximum length
    (None: items without a type, checked against the caller's own limit)."""
    if not isinstance(items, list):
        problems.append((field, "must be a list"))
        return []
    good = []
    for index, item in enumerate(items):
        where = f"{field}[{index}]"
        if not isinstance(item, Mapping):
            problems.append((where, "must be an object"))
            continue
        if item.get("language") not in PTV_TEXT_LANGUAGES:
            problems.append(
                (
                    f"{where}.language",
                    f"{item.get('language')!r} is not a PTV text language "
                    f"({', '.join(PTV_TEXT_LANGUAGES)})",
                )
            )
        value = item.get("value")
        if not isinstance(value, str) or not value.strip():
            problems.append((f"{where}.value", "is empty"))
            continue
        if types is not None:
            kind = str(item.get("type"))
            if kind not in types:
                problems.append(
                    (f"{where}.type", _choice(item.get("type"), frozenset(types)) or "")
                )
                continue
            limit = types[kind]
            if len(value) > limit:
                problems.append(
                    (f"{where}.value", f"{kind} is {len(value)} characters; at most {limit}")
                )
        good.append(item)
    return good


def _limit(items: object, field: str, limit: int, problems: list[tuple[str, str]]) -> None:
    for index, item in enumerate(_texts(items, field, None, problems)):
        if len(item["value"]) > limit:
            problems.append(
                (f"{field}[{index}].value", f"is {len(item['value'])} characters; at most {limit}")
            )


def service_problems(service: Mapping[str, Any]) -> list[Problem]:
    """Every rule one service record breaks (empty when it is valid)."""
    found: list[tuple[str, str]] = []
    for name in REQUIRED:
        if service.get(name) in (None, "", []):
            found.append((name, "is required"))
    if service.get("fundingType") is not None and (
        message := _choice(service["fundingType"], FUNDING_TYPES)
    ):
        found.append(("fundingType", message))
    if service.get("type") is not None and (message := _choice(service["type"], SERVICE_TYPES)):
        found.append(("type", message))
    charge = service.get("serviceChargeType")
    if charge is not None and (message := _choice(charge, CHARGE_TYPES)):
        found.append(("serviceChargeType", message))
    if service.get("publishingStatus") is not None and (
        message := _choice(service["publishingStatus"], PUBLISHING_STATUSES)
    ):
        found.append(("publishingStatus", message))

    names = _texts(
        service.get("serviceNames", []),
        "serviceNames",
        dict.fromkeys(NAME_TYPES, NAME_MAX),
        found,
    )
    descriptions = _texts(
        service.get("serviceDescriptions", []), "serviceDescriptions", DESCRIPTION_MAX, found
    )
    _limit(service.get("keywords", []), "keywords", KEYWORD_MAX, found)
    _limit(service.get("requirements", []), "requirements", REQUIREMENT_MAX, found)
    described = {d["language"] for d in descriptions}
    named = {n["language"] for n in names if n.get("type") == "Name"}
    summarised = {d["language"] for d in descriptions if d.get("type") == "Summary"}
    for lang in sorted(described):
        if lang not in named:
            found.append(("serviceNames", f"no Name in {lang!r}, which has descriptions"))
        if lang not in summarised:
            found.append(("serviceDescriptions", f"no Summary in {lang!r}"))

    area_type = service.get("areaType")
    if area_type is not None and (message := _choice(area_type, AREA_TYPES)):
        found.append(("areaType", message))
    areas = service.get("areas") or []
    if area_type == "LimitedType" and not areas:
        found.append(("areas", "a LimitedType service needs at least one area"))
    for index, area in enumerate(areas):
        where = f"areas[{index}]"
        if message := _choice(area.get("type"), AREA_KINDS):
            found.append((f"{where}.type", message))
        if area.get("type") == "Municipality":
            codes = _area_codes(area)
            if not codes:
                found.append((f"{where}.code", "a Municipality area needs a municipality code"))
            for code in codes:
                if not MUNICIPALITY_CODE.match(str(code)):
                    found.append(
                        (f"{where}.code", f"{code!r} is not a three-digit municipality code")
                    )

    organisations = service.get("organizations") or []
    roles = [o.get("roleType") for o in organisations]
    if "Responsible" not in roles:
        found.append(("organizations", "no Responsible organisation (mainResponsibleOrganization)"))
    if "Producer" not in roles:
        found.append(("organizations", "no Producer (serviceProducers is required)"))
    for index, organisation in enumerate(organisations):
        where = f"organizations[{index}]"
        role = organisation.get("roleType")
        if message := _choice(role, ROLE_TYPES):
            found.append((f"{where}.roleType", message))
        provision = organisation.get("provisionType")
        if role == "Producer":
            if message := _choice(provision, PROVISION_TYPES):
                found.append((f"{where}.provisionType", message))
            _limit(
                organisation.get("additionalInformation", []),
                f"{where}.additionalInformation",
                PRODUCER_INFO_MAX,
                found,
            )
        elif provision is not None:
            found.append((f"{where}.provisionType", f"a {role} has no provisionType"))
    record = str(service.get("sourceId") or service.get("id") or "?")
    return [Problem(record, field, message) for field, message in found]


def _area_codes(area: Mapping[str, Any]) -> list[str]:
    """The codes of an area in either shape: input (`areaCodes`) or output (`code`)."""
    if "areaCodes" in area:
        return [str(code) for code in area.get("areaCodes") or []]
    return [str(area["code"])] if area.get("code") else []


def validate_services(services: Iterable[Mapping[str, Any]]) -> list[Problem]:
    """Every rule every service breaks, in order."""
    return [problem for service in services for problem in service_problems(service)]
