"""Border simplification that keeps shared borders shared (Douglas-Peucker per arc)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kotokartta.geo.geometry import XY, _segment_distance_sq

# --------------------------------------------------------------------------- simplification


def _douglas_peucker(points: Sequence[XY], tolerance: float) -> list[XY]:
    """Douglas-Peucker, iterative; keeps both ends. A closed arc (first == last) works too."""
    n = len(points)
    if n <= 2 or tolerance <= 0:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    limit = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        farthest, index = -1.0, first
        for k in range(first + 1, last):
            d = _segment_distance_sq(points[k], a, b)
            if d > farthest:
                farthest, index = d, k
        if farthest > limit:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, kept in zip(points, keep, strict=True) if kept]


class _ArcSimplifier:
    """Simplifies rings arc by arc, so that a border shared by two rings is simplified once.

    A vertex is a node (never removed, an arc ends there) when the rings on each side of it
    differ: where a border between two municipalities meets a third one, or the outer edge of
    the map. Each arc is simplified in a canonical direction, so both rings that share it get
    exactly the same points.
    """

    def __init__(self, rings: Iterable[Sequence[XY]], tolerance: float) -> None:
        self.tolerance = tolerance
        self.owners: defaultdict[XY, set[int]] = defaultdict(set)
        self.count: Counter[XY] = Counter()
        for ring_id, ring in enumerate(rings):
            for point in ring:
                self.owners[point].add(ring_id)
                self.count[point] += 1
        self.cache: dict[tuple[XY, ...], list[XY]] = {}

    def _is_node(self, prev: XY, point: XY, nxt: XY) -> bool:
        owners = self.owners[point]
        if self.count[point] > 2 or self.count[point] > len(owners):
            return True  # three or more rings meet, or the ring touches itself here
        return (self.owners[prev] & owners) != (owners & self.owners[nxt])

    def _arc(self, arc: list[XY]) -> list[XY]:
        key = tuple(arc)
        reverse = key[::-1]
        if reverse < key:
            return self._arc(arc[::-1])[::-1]
        if key not in self.cache:
            self.cache[key] = _douglas_peucker(arc, self.tolerance)
        return self.cache[key]

    def ring(self, ring: Sequence[XY]) -> list[XY]:
        n = len(ring)
        if self.tolerance <= 0 or n <= 3:
            return list(ring)
        nodes = [i for i in range(n) if self._is_node(ring[i - 1], ring[i], ring[(i + 1) % n])]
        if not nodes:  # an island, or an enclave: anchor at the smallest point, both sides
            nodes = [min(range(n), key=ring.__getitem__)]
        result: list[XY] = []
        for start, end in zip(nodes, [*nodes[1:], nodes[0] + n], strict=True):
            arc = [ring[i % n] for i in range(start, end + 1)]
            result.extend(self._arc(arc)[:-1])
        return result
