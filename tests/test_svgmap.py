"""The municipal-borders map: `kotokartta.geo.svgmap` renders well-formed, accessible SVG."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kotokartta.geo.svgmap import (
    Feature,
    load_features,
    municipality_points,
    render_svg,
)

GEOJSON = Path(__file__).resolve().parent.parent / "data" / "geo" / "finland-municipalities.geojson"
TEN = ("105", "205", "290", "305", "578", "620", "697", "765", "777", "832")
SIZE_TARGET = 12 * 1024
GEOJSON_SHA256 = "b05256825578b8705dec0f59a5854f89de40a090430029462674bc9ff93fa322"
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def muni_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{SVG}path") if "muni" in p.get("class", "").split()]


def labels(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{SVG}text"))


def rings_of(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path written as `M x y l dx dy ... z` (what render_svg writes)."""
    rings = []
    for move, steps in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = (float(v) for v in move.split())
        ring = [(x, y)]
        numbers = [float(v) for v in steps.split()]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings


def inside(point: tuple[float, float], rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd point in polygon (ray casting), as the path's fill-rule draws it."""
    x, y = point
    result = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > y) != (by > y) and x < (bx - ax) * (y - ay) / (by - ay) + ax:
                result = not result
    return result


def square(x: float, y: float, size: float = 1.0) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + size, y), (x + size, y + size), (x, y + size))


@pytest.fixture(scope="module")
def ten() -> list[Feature]:
    return load_features(GEOJSON, TEN)


@pytest.fixture(scope="module")
def ten_svg(ten: list[Feature]) -> str:
    return render_svg(
        ten,
        links={code: f"/fi/kunnat/{code}/?kieli=fi&osio=kartta" for code in TEN},
        highlight=["205"],
        title="Kainuu-Koillismaan kunnat",
        description="Kymmenen kuntaa kartalla; Kajaani korostettuna.",
    )


def test_the_geojson_is_the_unchanged_shared_file() -> None:
    """data/geo/NOTICE.md says the file is a byte-for-byte copy: keep it so."""
    assert hashlib.sha256(GEOJSON.read_bytes()).hexdigest() == GEOJSON_SHA256


def test_load_features_reads_the_ten_municipalities(ten: list[Feature]) -> None:
    assert [f.code for f in ten] == sorted(TEN)
    kajaani = next(f for f in ten if f.code == "205")
    assert (kajaani.name_fi, kajaani.name_sv) == ("Kajaani", "Kajana")
    assert kajaani.rings and all(len(ring) >= 3 for poly in kajaani.rings for ring in poly)
    lon, lat = kajaani.rings[0][0][0]
    assert 27 < lon < 29 and 63.5 < lat < 65  # WGS84 lon/lat, in that order


def test_load_features_is_cached_and_checks_codes() -> None:
    first = load_features(GEOJSON, TEN)
    again = load_features(GEOJSON, list(reversed(TEN)))
    assert first == again and first is not again  # a fresh list each time
    assert all(a is b for a, b in zip(first, again, strict=True))  # same cached features
    assert len(load_features(GEOJSON)) == 309
    with pytest.raises(ValueError, match="999"):
        load_features(GEOJSON, ["205", "999"])


def test_ten_municipality_map_is_well_formed_and_small(ten_svg: str) -> None:
    assert not ten_svg.startswith("<?xml")
    root = parse(ten_svg)
    assert root.tag == f"{SVG}svg"
    assert len(muni_paths(root)) == 10
    assert len(labels(root)) == 10
    assert {t.text for t in labels(root)} >= {"Kajaani", "Ristijärvi", "Kuusamo"}
    assert all(p.get("fill-rule") == "evenodd" for p in muni_paths(root))
    assert len(ten_svg.encode()) < SIZE_TARGET
    x, y, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert (x, y, width) == (0, 0, 400) and height > width  # the area is taller than wide
    # no colours inline: the page's CSS styles the classes
    assert not re.search(r'\b(fill|stroke)="(?!none")', ten_svg)
    assert "style=" not in ten_svg


def test_title_and_desc_come_first_and_name_the_map(ten_svg: str) -> None:
    root = parse(ten_svg)
    first, second = list(root)[:2]
    assert first.tag == f"{SVG}title" and first.text == "Kainuu-Koillismaan kunnat"
    assert second.tag == f"{SVG}desc" and second.text
    assert root.get("aria-labelledby") == first.get("id")
    assert root.get("aria-describedby") == second.get("id")
    # links inside: a named group, not an image (role="img" would hide the links)
    assert root.get("role") == "group"
    assert root.get("lang") == "fi"


def test_every_link_wraps_its_municipality(ten_svg: str) -> None:
    root = parse(ten_svg)
    anchors = list(root.iter(f"{SVG}a"))
    assert len(anchors) == 10
    by_code = {a.find(f"{SVG}path").get("data-code"): a for a in anchors}  # type: ignore[union-attr]
    assert set(by_code) == set(TEN)
    for code, anchor in by_code.items():
        assert anchor.get("href") == f"/fi/kunnat/{code}/?kieli=fi&osio=kartta"
    assert by_code["205"].get("aria-label") == "Kajaani"
    assert "&amp;osio" in ten_svg  # the & of the URL is escaped in the markup
    highlighted = [
        p.get("data-code") for p in muni_paths(root) if "muni--highlight" in p.get("class", "")
    ]
    assert highlighted == ["205"]


def test_a_map_without_links_is_an_image(ten: list[Feature]) -> None:
    root = parse(render_svg(ten, title="Kunnat", description="Kartta.", lang="sv"))
    assert root.get("role") == "img"
    assert not list(root.iter(f"{SVG}a"))
    assert "Kajana" in {t.text for t in labels(root)}  # Swedish names for lang="sv"
    assert all(t.get("text-anchor") == "middle" for t in labels(root))


def test_labels_mapping_names_labels_and_links(ten: list[Feature]) -> None:
    svg = render_svg(
        ten,
        links={"205": "/kajaani/"},
        labels={"205": "Kajaani (keskus)"},
        title="t",
        description="d",
    )
    root = parse(svg)
    anchor = next(root.iter(f"{SVG}a"))
    assert anchor.get("aria-label") == "Kajaani (keskus)"
    assert "Kajaani (keskus)" in {t.text for t in labels(root)}


def test_arrows_have_a_marker_and_titles(ten: list[Feature]) -> None:
    svg = render_svg(
        ten,
        arrows=[("205", "290"), ("290", "205"), ("305", "832")],
        title="Ostopalvelut",
        description="Nuolet näyttävät, mikä kunta ostaa palvelun miltäkin.",
    )
    root = parse(svg)
    markers = list(root.iter(f"{SVG}marker"))
    assert len(markers) == 1
    marker_id = markers[0].get("id")
    arrows = [p for p in root.iter(f"{SVG}path") if p.get("class") == "arrow"]
    assert len(arrows) == 3
    for arrow in arrows:
        assert arrow.get("marker-end") == f"url(#{marker_id})"
        assert arrow.get("d", "").startswith("M")
    titles = [a.find(f"{SVG}title").text for a in arrows]  # type: ignore[union-attr]
    assert titles == ["Kajaani → Kuhmo", "Kuhmo → Kajaani", "Kuusamo → Taivalkoski"]
    # the two directions between Kajaani and Kuhmo bend apart instead of overlapping
    assert arrows[0].get("d") != arrows[1].get("d")
    assert len(svg.encode()) < SIZE_TARGET
    with pytest.raises(ValueError):
        render_svg(ten, arrows=[("205", "091")], title="t", description="d")


def test_no_arrows_no_marker(ten_svg: str) -> None:
    assert "<marker" not in ten_svg and 'class="arrow"' not in ten_svg


def test_kajaani_label_point_is_inside_kajaani(ten: list[Feature], ten_svg: str) -> None:
    root = parse(ten_svg)
    kajaani = next(p for p in muni_paths(root) if p.get("data-code") == "205")
    rings = rings_of(kajaani.get("d", ""))
    points = municipality_points(ten)
    assert inside(points["205"], rings)
    label = next(t for t in labels(root) if t.get("data-code") == "205")
    assert (float(label.get("x", "")), float(label.get("y", ""))) == points["205"]
    # every label sits inside its own municipality
    for path in muni_paths(root):
        assert inside(points[path.get("data-code", "")], rings_of(path.get("d", "")))


def test_whole_country_renders_and_parses() -> None:
    features = load_features(GEOJSON)
    svg = render_svg(features, title="Suomen kunnat", description="Kaikki 309 kuntaa.")
    root = parse(svg)
    assert len(muni_paths(root)) == 309
    assert len(labels(root)) == 309
    only_ten = parse(
        render_svg(features, title="Suomi", description="d", label_codes=TEN, highlight=TEN)
    )
    assert len(labels(only_ten)) == 10
    assert len(municipality_points(features)) == 309


def vertices(root: ET.Element) -> dict[str, set[tuple[float, float]]]:
    return {
        path.get("data-code", ""): {
            (round(x, 1), round(y, 1)) for ring in rings_of(path.get("d", "")) for x, y in ring
        }
        for path in muni_paths(root)
    }


@pytest.mark.parametrize("tolerance", [2.0, 4.0, 8.0])
def test_simplification_keeps_shared_borders_shared(ten: list[Feature], tolerance: float) -> None:
    """A shared border is simplified once: a point on it is kept on both sides or on neither,
    so neighbouring municipalities never gap or overlap."""
    fine = vertices(parse(render_svg(ten, title="t", description="d", simplify=0)))
    coarse = vertices(parse(render_svg(ten, title="t", description="d", simplify=tolerance)))
    dropped = 0
    for a in TEN:
        for b in TEN:
            shared = fine[a] & fine[b]
            if a < b and len(shared) > 1:
                assert coarse[a] & shared == coarse[b] & shared, (a, b)
                dropped += len(shared - coarse[a])
    assert dropped > 0  # the tolerance did remove border points: the check is not vacuous
    assert sum(map(len, coarse.values())) < sum(map(len, fine.values()))


def test_text_is_escaped() -> None:
    tricky = Feature(
        code="001",
        name_fi='Åbo & "Turku" <kaupunki>',
        name_sv="Åbo & 'Turku'",
        rings=((square(22.0, 60.0),),),
    )
    other = Feature(code="002", name_fi="Naapuri", name_sv="Granne", rings=((square(23, 60),),))
    svg = render_svg(
        [tricky, other],
        links={"001": '/kunta?a=1&b="2"'},
        arrows=[("001", "002")],
        title='Kartta & "otsikko" <b>',
        description="a < b & c > d",
    )
    root = parse(svg)
    assert root.find(f"{SVG}title").text == 'Kartta & "otsikko" <b>'  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text == "a < b & c > d"  # type: ignore[union-attr]
    anchor = next(root.iter(f"{SVG}a"))
    assert anchor.get("href") == '/kunta?a=1&b="2"'
    assert anchor.get("aria-label") == 'Åbo & "Turku" <kaupunki>'
    assert 'Åbo & "Turku" <kaupunki>' in {t.text for t in labels(root)}
    arrow_title = next(p for p in root.iter(f"{SVG}path") if p.get("class") == "arrow")
    assert arrow_title.find(f"{SVG}title").text == 'Åbo & "Turku" <kaupunki> → Naapuri'  # type: ignore[union-attr]
    assert "<b>" not in svg and "<kaupunki>" not in svg
    sv = parse(render_svg([tricky], title="t\x01", description="d", lang="sv"))  # control char
    assert labels(sv)[0].text == "Åbo & 'Turku'"


def test_invalid_geometry_is_skipped() -> None:
    good = Feature(code="001", name_fi="Hyvä", name_sv="Bra", rings=((square(25, 64),),))
    empty = Feature(code="002", name_fi="Tyhjä", name_sv="Tom", rings=())
    empty_rings = Feature(code="003", name_fi="Renkaaton", name_sv="Ringlös", rings=((),))
    empty_ring = Feature(code="004", name_fi="Tyhjä rengas", name_sv="Tom ring", rings=(((),),))
    line = Feature(code="005", name_fi="Viiva", name_sv="Linje", rings=((((25, 64), (26, 64)),),))
    features = [good, empty, empty_rings, empty_ring, line]
    root = parse(render_svg(features, arrows=[("001", "002")], title="t", description="d"))
    assert [p.get("data-code") for p in muni_paths(root)] == ["001"]
    assert [t.text for t in labels(root)] == ["Hyvä"]
    assert not [p for p in root.iter(f"{SVG}path") if p.get("class") == "arrow"]
    assert set(municipality_points(features)) == {"001"}
    nothing = parse(render_svg([empty], title="t", description="d"))
    assert not muni_paths(nothing)


def test_invalid_geometry_in_the_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "broken.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": ['
        '{"type": "Feature", "properties": {"NATCODE": "001", "NAMEFIN": "A", "NAMESWE": "A"},'
        ' "geometry": {"type": "Polygon", "coordinates": [[[25, 64], [26, 64], [26, 65],'
        " [25, 64]]]}},"
        '{"type": "Feature", "properties": {"NATCODE": "002", "NAMEFIN": "B", "NAMESWE": "B"},'
        ' "geometry": {"type": "Polygon", "coordinates": [[]]}},'
        '{"type": "Feature", "properties": {"NATCODE": "003", "NAMEFIN": "C", "NAMESWE": "C"},'
        ' "geometry": {"type": "MultiPolygon", "coordinates": []}},'
        '{"type": "Feature", "properties": {"NATCODE": "004", "NAMEFIN": "D", "NAMESWE": "D"},'
        ' "geometry": null}'
        "]}",
        encoding="utf-8",
    )
    assert [f.code for f in load_features(path)] == ["001"]
    assert [f.code for f in load_features(path, ["001", "002"])] == ["001"]


def test_options_are_checked(ten: list[Feature]) -> None:
    with pytest.raises(ValueError):
        render_svg(ten, title=" ", description="d")
    with pytest.raises(ValueError):
        render_svg(ten, title="t", description="d", width=0)
    with pytest.raises(ValueError):
        render_svg(ten, title="t", description="d", id_prefix='x" onload="alert(1)')
    with_prefix = render_svg(ten, title="t", description="d", id_prefix="map-1")
    assert 'id="map-1-title"' in with_prefix
    # the same call gives the same SVG (ids derive from the content)
    assert render_svg(ten, title="t", description="d") == render_svg(
        ten, title="t", description="d"
    )
