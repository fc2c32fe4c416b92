"""The HSDS export's names and sentences come from the opendata app's gettext catalogue (Finnish
and Swedish translations of English message ids), and no fi/en text is left in its code."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from kotokartta.opendata.hsds.labels import (
    ORGANISATION_KIND_NAMES,
    PURCHASED_FROM,
    TAXONOMIES,
    TERM_MODE,
    in_language,
    organisation_kind_name,
    region_name,
)
from kotokartta.programme.vocabulary import OrganisationKind
from tests.catalogues import finnish_literals, pgettext_calls, untranslated

HSDS_DIR = Path(settings.BASE_DIR) / "opendata" / "hsds"
OPENDATA_CATALOGUES = sorted(
    (Path(settings.BASE_DIR) / "opendata" / "locale").glob("*/LC_MESSAGES/django.po")
)


def test_regions__read_in_finnish_swedish_and_english() -> None:
    county = "pohjois-pohjanmaan-hyvinvointialue"
    assert region_name(county, "fi") == "Pohjois-Pohjanmaa"
    assert region_name(county, "sv") == "Norra Österbotten"
    assert region_name(county, "en") == "North Ostrobothnia"


def test_an_unknown_county__has_no_region() -> None:
    assert region_name("no-such-county", "fi") == ""


def test_organisation_kinds__read_in_finnish_swedish_and_english() -> None:
    association = OrganisationKind.ASSOCIATION
    assert organisation_kind_name(association, "fi") == "Järjestö tai yhdistys"
    assert organisation_kind_name(association, "sv") == "Organisation eller förening"
    assert organisation_kind_name(association, "en") == "Association"


def test_every_organisation_kind__has_a_name() -> None:
    assert set(ORGANISATION_KIND_NAMES) == {kind.value for kind in OrganisationKind}


def test_the_old_tuple_tables__are_gone_from_hsds_common() -> None:
    source = (HSDS_DIR / "common.py").read_text(encoding="utf-8")
    assert "REGION_OF_COUNTY" not in source
    assert "ORGANISATION_KIND_NAMES" not in source


@pytest.mark.skipif(shutil.which("msgattrib") is None, reason="gettext missing")
@pytest.mark.parametrize("po", OPENDATA_CATALOGUES, ids=lambda p: p.parts[-3])
def test_opendata_catalogue__is_complete_and_valid(po: Path) -> None:
    check = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    for option in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(["msgattrib", option, str(po)], capture_output=True, text=True)
        assert left.stdout.count("\nmsgid ") == 0, f"{po.parts[-3]} {option}:\n{left.stdout}"


def test_opendata_catalogues__cover_finnish_and_swedish() -> None:
    assert {po.parts[-3] for po in OPENDATA_CATALOGUES} == {"fi", "sv"}


def test_taxonomy_descriptions__read_in_finnish_swedish_and_english() -> None:
    modes = TAXONOMIES["kotokartta-modes"]
    assert in_language(modes, "fi") == "Palvelun toteutustapa."
    assert in_language(modes, "sv") == "Hur tjänsten ges."
    assert in_language(modes, "en") == "How the service is given."


def test_the_taxonomy_table__is_gone_from_hsds_taxonomy() -> None:
    source = (HSDS_DIR / "taxonomy.py").read_text(encoding="utf-8")
    assert "TAXONOMIES" not in source


SENTENCE_CONTEXTS = {"HSDS export", "HSDS taxonomy term"}
BUILDER_MODULES = ("common.py", "builder.py", "services.py", "taxonomy.py", "data.py")


def test_the_sentence_scan__finds_the_export_sentences() -> None:
    found = pgettext_calls(HSDS_DIR / "labels.py")
    assert ("HSDS export", "Arranged if needed.") in found
    assert ("HSDS taxonomy term", "Partner") in found
    assert len([m for m in found if m[0] in SENTENCE_CONTEXTS]) >= 50


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext missing")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_export_sentence__has_a_finnish_and_a_swedish_translation(lang: str) -> None:
    po = Path(settings.BASE_DIR) / "opendata" / "locale" / lang / "LC_MESSAGES" / "django.po"
    assert untranslated(HSDS_DIR / "labels.py", po, contexts=SENTENCE_CONTEXTS) == []


def test_the_purchase_sentence__reads_in_finnish_swedish_and_english() -> None:
    values = {"buyer": "Puolanka (620)", "seller": "Suomussalmi (777)"}
    assert (
        in_language(PURCHASED_FROM, "fi", **values)
        == "Ostopalvelu: Puolanka (620) ostaa palvelun, myyjä Suomussalmi (777)."
    )
    assert (
        in_language(PURCHASED_FROM, "sv", **values)
        == "Köpt tjänst: Puolanka (620) köper tjänsten av Suomussalmi (777)."
    )
    assert (
        in_language(PURCHASED_FROM, "en", **values)
        == "Purchased service: Puolanka (620) buys it from Suomussalmi (777)."
    )


def test_a_term_word__does_not_take_the_export_sentence_translation() -> None:
    # "Given: …" is "Toteutus" in a service's description but "Toteutustapa" as a term.
    assert in_language(TERM_MODE, "fi", mode="lähipalvelu") == "Toteutustapa: lähipalvelu"


def test_no_finnish_text_or_english_branch__is_left_in_the_builder() -> None:
    for module in BUILDER_MODULES:
        source = (HSDS_DIR / module).read_text(encoding="utf-8")
        assert finnish_literals(HSDS_DIR / module) == [], module
        assert "def _t(" not in source and "_t(lang" not in source, module
        assert 'self.t("' not in source and "_pair(" not in source, module
