"""What PTV says about a municipality that our data says differently, or not at all.

`diff_municipality` matches PTV's organisations and service locations with ours
(`matching.py`) and compares, for each match:

- **addresses** of a place: street and number, postal code (PTV's first `Location` address);
- **phone numbers**: a service location's `phoneNumbers` (for the place), and the numbers of
  `Phone` channels (for the organisation that owns them). Our data format has no phone field;
- **opening hours**: a service location's `serviceHours`, which our data never has;
- **e-mail addresses** of an organisation based in the municipality, or employing one of its
  coordinators: the coordinators' addresses against PTV's (`supportEmails` of the organisation's
  channels, `contactDetails.emails` of its services). An address with the same name part before
  the `@` is the same person's: if the rest differs, that is one *changed* address.

and lists what is on one side only: PTV service locations and organisations we do not have, our
places and organisations (based in the municipality) that PTV does not list, and PTV's other
channels (e-services, web pages, forms), which are not places and are not compared.

Every difference says which data-file field a coordinator would edit (`puolanka.yaml:37
places[0].address`), or that the data format has no field for it. Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from kotokartta.core.text import localised
from kotokartta.integrations.ptv.channel_values import _emails, _phones, hours_text
from kotokartta.integrations.ptv.datafiles import Edit, _DataFiles
from kotokartta.programme import models as m

from .matching import (
    Matching,
    PtvAddress,
    channel_address,
    channel_name,
    channel_type,
    match,
    normalise,
    ptv_organisations,
)

KIND_LABELS = {
    "address": "street address",
    "postal_code": "postal code",
    "phone": "phone number",
    "service_hours": "opening hours",
    "email": "e-mail",
    "ptv_location_only": "service location only in PTV",
    "ptv_organisation_only": "organisation only in PTV",
    "ptv_other_channel": "other PTV channel",
    "place_only": "place not found in PTV",
    "organisation_only": "organisation not found in PTV",
}


@dataclass(frozen=True, slots=True)
class Difference:
    kind: str
    subject: str  # "place", "organisation", "ptv_channel", "ptv_organisation"
    subject_id: str  # our id, or PTV's id for what we do not have
    subject_name: str
    ptv_id: str | None = None
    ptv_name: str | None = None
    ptv: str | None = None
    ours: str | None = None
    edit: Edit | None = None
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["edit"] = asdict(self.edit) if self.edit else None
        return data


@dataclass(slots=True)
class DiffReport:
    municipality_code: str
    municipality_name: str
    source: str
    services: int
    channels: int
    matching: Matching
    differences: list[Difference] = field(default_factory=list)
    names: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def edits(self) -> list[Edit]:
        return [d.edit for d in self.differences if d.edit is not None]

    def as_dict(self) -> dict[str, Any]:
        return {
            "municipality": {"code": self.municipality_code, "name": self.municipality_name},
            "source": self.source,
            "ptv": {"services": self.services, "service_channels": self.channels},
            "matches": {
                "organisations": [asdict(o) for o in self.matching.organisations],
                "places": [asdict(p) for p in self.matching.places],
            },
            "differences": [d.as_dict() for d in self.differences],
            "edits": [asdict(e) for e in self.edits],
            "changed_anything": False,
        }

    def render_text(self) -> str:
        return _render(self)


# ---- the comparison ---------------------------------------------------------------------------


def _same_person(ours: str, theirs: str) -> bool:
    return ours.split("@")[0].casefold() == theirs.split("@")[0].casefold()


def _compare_emails(
    ours: list[tuple[str, m.Coordinator]], theirs: list[str]
) -> list[tuple[str | None, str | None, m.Coordinator | None]]:
    """(our address, PTV's address, coordinator) for every address not on both sides."""
    theirs_left = list(dict.fromkeys(theirs))
    ours_left = []
    for email, coordinator in ours:
        same = next((t for t in theirs_left if t.casefold() == email.casefold()), None)
        if same is not None:
            theirs_left.remove(same)
        else:
            ours_left.append((email, coordinator))
    result: list[tuple[str | None, str | None, m.Coordinator | None]] = []
    for email, coordinator in ours_left:
        person = next((t for t in theirs_left if _same_person(email, t)), None)
        if person is not None:
            theirs_left.remove(person)
        result.append((email, person, coordinator))
    result.extend((None, t, None) for t in theirs_left)
    return result


class _Differ:
    def __init__(
        self,
        municipality: m.Municipality,
        services: Sequence[Mapping[str, Any]],
        channels: Sequence[Mapping[str, Any]],
        matching: Matching,
    ) -> None:
        self.municipality = municipality
        self.services = services
        self.channels = channels
        self.matching = matching
        self.files = _DataFiles()
        self.places = {p.id: p for p in m.Place.objects.select_related("municipality")}
        self.organisations = {
            o.id: o for o in m.Organisation.objects.select_related("municipality")
        }
        self.differences: list[Difference] = []
        self.ptv_orgs = ptv_organisations(services, channels)

    def add(self, **kwargs: Any) -> None:
        self.differences.append(Difference(**kwargs))

    # places ------------------------------------------------------------------------------------

    def places_diff(self) -> None:
        by_id = {str(c.get("id") or ""): c for c in self.channels}
        for found in self.matching.places:
            channel = by_id[found.ptv_id]
            place = self.places[found.place_id]
            common = {
                "subject": "place",
                "subject_id": place.id,
                "subject_name": localised(place.name, "fi"),
                "ptv_id": found.ptv_id,
                "ptv_name": found.ptv_name,
            }
            mun_id = place.municipality_id
            address = channel_address(channel)
            self.address_diff(place, address, common, mun_id)
            for phone in _phones(channel):
                self.add(
                    kind="phone",
                    ptv=phone,
                    ours=None,
                    note="the data format has no field for phone numbers",
                    **common,
                )
            hours = [h for h in channel.get("serviceHours") or () if isinstance(h, Mapping)]
            if hours:
                self.add(
                    kind="service_hours",
                    ptv=hours_text(hours),
                    ours=None,
                    note="the data format has no field for opening hours",
                    **common,
                )

    def address_diff(
        self,
        place: m.Place,
        address: PtvAddress | None,
        common: dict[str, Any],
        mun_id: str,
    ) -> None:
        ptv_street = address.street_address if address else ""
        ptv_postal = address.postal_code if address else ""
        if normalise(ptv_street) != normalise(place.address):
            action = "add" if not place.address else ("change" if ptv_street else "check")
            self.add(
                kind="address",
                ptv=ptv_street or None,
                ours=place.address or None,
                edit=self.files.edit(
                    mun_id, "places", "id", place.id, ("address",), action, ptv_street or None
                ),
                note="" if ptv_street else "PTV gives no street address",
                **common,
            )
        if ptv_postal != place.postal_code and (ptv_postal or place.postal_code):
            action = "add" if not place.postal_code else ("change" if ptv_postal else "check")
            self.add(
                kind="postal_code",
                ptv=ptv_postal or None,
                ours=place.postal_code or None,
                edit=self.files.edit(
                    mun_id, "places", "id", place.id, ("postal_code",), action, ptv_postal or None
                ),
                note="" if ptv_postal else "PTV gives no postal code",
                **common,
            )

    # organisations -----------------------------------------------------------------------------

    def organisations_diff(self) -> None:
        coordinators = list(
            self.municipality.coordinators.select_related("organisation").order_by("order")
        )
        for found in self.matching.organisations:
            org = self.organisations[found.organisation_id]
            common = {
                "subject": "organisation",
                "subject_id": org.id,
                "subject_name": localised(org.name, "fi"),
                "ptv_id": found.ptv_id,
                "ptv_name": found.ptv_name or None,
            }
            owned = [c for c in self.channels if str(c.get("organizationId")) == found.ptv_id]
            for channel in owned:
                if channel_type(channel) != "Phone":
                    continue
                for phone in _phones(channel):
                    self.add(
                        kind="phone",
                        ptv=phone,
                        ours=None,
                        note=f"PTV phone channel “{channel_name(channel)}”; the data format "
                        "has no field for phone numbers",
                        **common,
                    )
            ours = [(c.email, c) for c in coordinators if c.organisation_id == org.id]
            if org.municipality_id != self.municipality.id and not ours:
                continue
            theirs: list[str] = []
            for channel in owned:
                theirs += _emails(channel.get("supportEmails"))
            for service in self.services:
                roles = {
                    str(e.get("roleType"))
                    for e in service.get("organizations") or ()
                    if isinstance(e, Mapping)
                    and isinstance(e.get("organization"), Mapping)
                    and str(e["organization"].get("id")) == found.ptv_id
                }
                if "Responsible" not in roles:
                    continue
                for connection in service.get("serviceChannels") or ():
                    details = (
                        connection.get("contactDetails")
                        if isinstance(connection, Mapping)
                        else None
                    )
                    if isinstance(details, Mapping):
                        theirs += _emails(details.get("emails"))
            for our_email, ptv_email, coordinator in _compare_emails(ours, theirs):
                edit = None
                note = ""
                if coordinator is not None:
                    note = f"coordinator {coordinator.name}"
                    edit = self.files.edit(
                        self.municipality.id,
                        "coordinators",
                        "email",
                        coordinator.email,
                        ("email",),
                        "change" if ptv_email else "check",
                        ptv_email,
                    )
                    if not ptv_email:
                        note += "; PTV does not list this address"
                else:
                    note = "only PTV lists it; our data has e-mail addresses only for coordinators"
                self.add(
                    kind="email", ptv=ptv_email, ours=our_email, edit=edit, note=note, **common
                )

    # one side only -----------------------------------------------------------------------------

    def unmatched(self) -> None:
        for channel, resembles in self.matching.unmatched_ptv_locations:
            address = channel_address(channel)
            mun_id = self.municipality.id
            self.add(
                kind="ptv_location_only",
                subject="ptv_channel",
                subject_id=str(channel.get("id") or ""),
                subject_name=channel_name(channel),
                ptv_id=str(channel.get("id") or ""),
                ptv_name=channel_name(channel),
                ptv=str(address) if address else None,
                edit=Edit(
                    self.files.file_for(mun_id)[0],
                    None,
                    "places",
                    "add record",
                    ", ".join(p for p in (channel_name(channel), str(address or "")) if p),
                ),
                note=(
                    "resembles " + ", ".join(resembles) + " (already matched)"
                    if resembles
                    else "add it to the places only if the programme uses it"
                ),
            )
        for channel in self.matching.other_channels:
            org = self.matching.organisation_for(str(channel.get("organizationId") or ""))
            if channel_type(channel) == "Phone" and org is not None:
                continue  # its numbers are reported for the organisation
            self.add(
                kind="ptv_other_channel",
                subject="ptv_channel",
                subject_id=str(channel.get("id") or ""),
                subject_name=channel_name(channel),
                ptv_id=str(channel.get("id") or ""),
                ptv_name=channel_name(channel),
                ptv=channel_type(channel),
                note="not a place; not compared",
            )
        for ptv_org, candidates in self.matching.unmatched_ptv_organisations:
            self.add(
                kind="ptv_organisation_only",
                subject="ptv_organisation",
                subject_id=ptv_org.id,
                subject_name=ptv_org.name or f"PTV organisation {ptv_org.id}",
                ptv_id=ptv_org.id,
                ptv_name=ptv_org.name or None,
                ptv=", ".join(sorted(ptv_org.roles)) or None,
                note=(
                    "could be any of " + ", ".join(candidates)
                    if candidates
                    else "no organisation of ours has this name"
                ),
            )
        for place_id in self.matching.unmatched_places:
            place = self.places[place_id]
            self.add(
                kind="place_only",
                subject="place",
                subject_id=place.id,
                subject_name=localised(place.name, "fi"),
                ours=place.address or None,
                note="no PTV service location of the municipality matches",
            )
        for org_id in self.matching.unmatched_organisations:
            ours = self.organisations[org_id]
            self.add(
                kind="organisation_only",
                subject="organisation",
                subject_id=ours.id,
                subject_name=localised(ours.name, "fi"),
                note="no PTV service of the municipality names it",
            )

    def run(self) -> list[Difference]:
        self.places_diff()
        self.organisations_diff()
        self.unmatched()
        return self.differences


def diff_municipality(
    *,
    municipality: m.Municipality,
    services: Sequence[Mapping[str, Any]],
    channels: Sequence[Mapping[str, Any]],
    source: str,
) -> DiffReport:
    """Compare what PTV lists for `municipality` (services and channels, as the v11 read API
    returns them) with our data. Reads the database; changes nothing."""
    matching = match(municipality=municipality, services=services, channels=channels)
    differ = _Differ(municipality, services, channels, matching)
    differences = differ.run()
    names = {
        ("place", p.place_id): localised(differ.places[p.place_id].name, "fi")
        for p in matching.places
    }
    names.update(
        {
            ("organisation", o.organisation_id): localised(
                differ.organisations[o.organisation_id].name, "fi"
            )
            for o in matching.organisations
        }
    )
    return DiffReport(
        names=names,
        municipality_code=municipality.code,
        municipality_name=localised(municipality.name, "fi"),
        source=source,
        services=len(services),
        channels=len(channels),
        matching=matching,
        differences=differences,
    )


# ---- text -------------------------------------------------------------------------------------


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _value(value: str | None) -> str:
    return f"“{value}”" if value else "none"


def _line(diff: Difference) -> str:
    label = KIND_LABELS.get(diff.kind, diff.kind)
    if diff.kind in ("address", "postal_code", "phone", "service_hours", "email"):
        text = f"{label}: PTV {_value(diff.ptv)}, ours {_value(diff.ours)}"
    elif diff.ptv:
        text = f"{label}: {diff.ptv}"
    else:
        text = label
    return text + (f" — {diff.note}" if diff.note else "")


def _render(report: DiffReport) -> str:
    out = [
        f"PTV and Kotokartta — {report.municipality_name} ({report.municipality_code})",
        f"Read from {report.source}: {_count(report.services, 'service')}, "
        f"{_count(report.channels, 'service channel')}.",
        "",
    ]
    matching = report.matching
    groups: dict[tuple[str, str], list[Difference]] = {}
    for diff in report.differences:
        if diff.kind in ("address", "postal_code", "phone", "service_hours", "email"):
            groups.setdefault((diff.subject, diff.subject_id), []).append(diff)
    for place in matching.places:
        diffs = groups.get(("place", place.place_id), [])
        name = report.names.get(("place", place.place_id), place.place_id)
        status = _count(len(diffs), "difference") if diffs else "same"
        out.append(
            f"Place {name} [{place.place_id}] ↔ PTV service location “{place.ptv_name}” "
            f"(matched by {place.rule}): {status}"
        )
        out += _details(diffs)
    for found in matching.organisations:
        diffs = groups.get(("organisation", found.organisation_id), [])
        unit = f", unit {found.unit_id}" if found.unit_id else ""
        name = report.names.get(("organisation", found.organisation_id), found.organisation_id)
        status = _count(len(diffs), "difference") if diffs else "same"
        out.append(
            f"Organisation {name} [{found.organisation_id}{unit}] ↔ PTV “{found.ptv_name}” "
            f"(matched by {found.rule}): {status}"
        )
        out += _details(diffs)
    for title, kinds in (
        ("In PTV only:", ("ptv_location_only", "ptv_organisation_only", "ptv_other_channel")),
        ("In our data only:", ("place_only", "organisation_only")),
    ):
        items = [d for d in report.differences if d.kind in kinds]
        if not items:
            continue
        out += ["", title]
        for diff in items:
            out.append(f"  {diff.subject_name} [{diff.subject_id}]: {_line(diff)}")
            if diff.edit:
                out.append(f"      edit {diff.edit}")
    edits = report.edits
    out += ["", "Fields a coordinator would edit (nothing was changed):"]
    out += [f"  {edit}" for edit in edits] or ["  (none)"]
    return "\n".join(out)


def _details(diffs: list[Difference]) -> list[str]:
    lines = []
    for diff in diffs:
        lines.append(f"  {_line(diff)}")
        if diff.edit:
            lines.append(f"      edit {diff.edit}")
    return lines
