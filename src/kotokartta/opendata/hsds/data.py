"""`HsdsData`: the built tables with their indexes and the nested shapes of the HSDS API."""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kotokartta.opendata.hsds.common import (
    Record,
    _clean,
)

# --------------------------------------------------------------------------------------------
# The data set


@dataclass
class HsdsData:
    """The programme as HSDS tables (flat objects, sorted by id) and nested API shapes.

    Treat the tables as read-only (the API caches one `HsdsData` per data set); the `*_full`
    methods return copies that callers may change."""

    lang: str
    tables: dict[str, list[Record]]
    info: dict[str, Any]
    _index: dict[str, dict[str, Record]] = field(default_factory=dict, repr=False)
    _children: dict[tuple[str, str], dict[str, list[Record]]] = field(
        default_factory=dict, repr=False
    )

    def counts(self) -> dict[str, int]:
        return {table: len(rows) for table, rows in self.tables.items()}

    def get(self, table: str, id_: str) -> Record | None:
        if table not in self._index:
            self._index[table] = {row["id"]: row for row in self.tables[table]}
        return self._index[table].get(id_)

    def children(self, table: str, key: str, value: str) -> list[Record]:
        if (table, key) not in self._children:
            groups: dict[str, list[Record]] = defaultdict(list)
            for row in self.tables[table]:
                if key in row:
                    groups[row[key]].append(row)
            self._children[(table, key)] = dict(groups)
        return self._children[(table, key)].get(value, [])

    # Nested shapes for the API ------------------------------------------------------------

    def term_full(self, term: Record) -> Record:
        taxonomy = self.get("taxonomies", term.get("taxonomy_id", ""))
        return {**term, "taxonomy_detail": taxonomy} if taxonomy else dict(term)

    def attributes_of(self, link_id: str) -> list[Record]:
        out = []
        for attribute in self.children("attributes", "link_id", link_id):
            term = self.get("taxonomy_terms", attribute["taxonomy_term_id"])
            out.append({**attribute, "taxonomy_term": self.term_full(term)} if term else attribute)
        return out

    def location_full(self, location: Record) -> Record:
        return _clean(
            {
                **location,
                "addresses": self.children("addresses", "location_id", location["id"]),
                "languages": self.children("languages", "location_id", location["id"]),
            }
        )

    def service_summary(self, service: Record) -> Record:
        """A service with its one-to-one relations (HSDS `service_list`)."""
        out = dict(service)
        organization = self.get("organizations", service.get("organization_id", ""))
        program = self.get("programs", service.get("program_id", ""))
        if organization:
            out["organization"] = organization
        if program:
            out["program"] = program
        return out

    def service_full(self, service_id: str) -> Record | None:
        service = self.get("services", service_id)
        if service is None:
            return None
        out = self.service_summary(service)
        out["service_areas"] = self.children("service_areas", "service_id", service_id)
        out["service_at_locations"] = [
            self.service_at_location_full(sal["id"]) or sal
            for sal in self.children("service_at_locations", "service_id", service_id)
        ]
        out["languages"] = self.children("languages", "service_id", service_id)
        out["contacts"] = self.children("contacts", "service_id", service_id)
        out["phones"] = self.children("phones", "service_id", service_id)
        out["attributes"] = self.attributes_of(service_id)
        return copy.deepcopy(_clean(out))

    def service_at_location_summary(self, sal: Record) -> Record:
        """A service_at_location with its location and service (HSDS `service_at_location_list`)."""
        out = dict(sal)
        location = self.get("locations", sal.get("location_id", ""))
        service = self.get("services", sal.get("service_id", ""))
        if location:
            out["location"] = location
        if service:
            out["service"] = service
        return out

    def service_at_location_full(self, sal_id: str) -> Record | None:
        sal = self.get("service_at_locations", sal_id)
        if sal is None:
            return None
        out = dict(sal)
        location = self.get("locations", sal.get("location_id", ""))
        if location:
            out["location"] = self.location_full(location)
        out["contacts"] = self.children("contacts", "service_at_location_id", sal_id)
        out["attributes"] = self.attributes_of(sal_id)
        return copy.deepcopy(_clean(out))

    def organization_full(self, organization_id: str) -> Record | None:
        """The organization with its contacts, programs, attributes, and (HSDS API) `services`:
        the services it provides, one-to-one fields only."""
        organization = self.get("organizations", organization_id)
        if organization is None:
            return None
        out = dict(organization)
        out["contacts"] = self.children("contacts", "organization_id", organization_id)
        out["programs"] = self.children("programs", "organization_id", organization_id)
        out["locations"] = [
            self.location_full(loc)
            for loc in self.children("locations", "organization_id", organization_id)
        ]
        out["attributes"] = self.attributes_of(organization_id)
        out["services"] = self.children("services", "organization_id", organization_id)
        return copy.deepcopy(_clean(out))

    def taxonomy_term_full(self, term_id: str) -> Record | None:
        term = self.get("taxonomy_terms", term_id)
        return copy.deepcopy(self.term_full(term)) if term else None
