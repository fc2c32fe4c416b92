"""What each municipality's blocks of the document read, found in one pass over the data.

The document has a block per municipality under every section; each used to scan every
provision and activity once per municipality, phase and section (35 million attribute reads for
the national synthetic set). The index keeps the data's order, so the document is the same."""

from __future__ import annotations

from dataclasses import dataclass, field

from kotokartta.documents.lookups import Lookups
from kotokartta.programme import models as m
from kotokartta.programme.facts import providing_municipality


@dataclass
class DocumentIndex:
    # (phase, municipality id) → its own provisions and the area-wide ones serving it
    provisions: dict[tuple[str, str], list[m.Provision]] = field(default_factory=dict)
    # (phase, municipality id) → activities linked from its own provisions
    linked: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # phase → activities linked from area-wide provisions
    linked_area: dict[str, set[str]] = field(default_factory=dict)
    # (phase, municipality id) → the activities of the phase in that municipality
    activities: dict[tuple[str, str], list[m.Activity]] = field(default_factory=dict)
    # municipality id → its own provisions
    own: dict[str, list[m.Provision]] = field(default_factory=dict)
    # municipality id → (other municipality id, its provision) it provides or is responsible for
    serves: dict[str, list[tuple[str, m.Provision]]] = field(default_factory=dict)
    # provision id → provision
    by_id: dict[str, m.Provision] = field(default_factory=dict)
    # phases → the activities of every municipality of the area in those phases (filled on use)
    area_activities: dict[tuple[str, ...], list[m.Activity]] = field(default_factory=dict)


def build_index(data: Lookups) -> DocumentIndex:
    index = DocumentIndex()
    for p in data.provisions:
        index.by_id[p.id] = p
        if p.municipality_id is not None:
            index.provisions.setdefault((p.phase, p.municipality_id), []).append(p)
            index.own.setdefault(p.municipality_id, []).append(p)
            providing = providing_municipality(p)
            for other in dict.fromkeys((providing.id if providing else None, p.responsible_id)):
                if other and other != p.municipality_id:
                    index.serves.setdefault(other, []).append((p.municipality_id, p))
            if p.activity_id:
                index.linked.setdefault((p.phase, p.municipality_id), set()).add(p.activity_id)
        else:
            for mun_id in data.area_served.get(p.id, set()):
                index.provisions.setdefault((p.phase, mun_id), []).append(p)
            if p.activity_id:
                index.linked_area.setdefault(p.phase, set()).add(p.activity_id)
    for activity in data.activities.values():
        for phase_id in dict.fromkeys(activity.phases):
            for mun_id in dict.fromkeys(activity.municipality_order):
                index.activities.setdefault((phase_id, mun_id), []).append(activity)
    return index
