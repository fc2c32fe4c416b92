"""The search lexicon: what people call each phase's service, in twelve languages, is validated and
makes everyday and cross-lingual wording find the phase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kotokartta.programme.vocabulary import PHASE_BY_ID
from kotokartta.search.lexicon import LANGUAGES, LexiconError, load_lexicon, parse_lexicon
from kotokartta.search.selectors import search


def _valid() -> dict[str, Any]:
    return {"phases": {p: {lang: [f"{p} {lang}"] for lang in LANGUAGES} for p in PHASE_BY_ID}}


def test_the_lexicon_file__covers_every_phase_in_every_interface_language() -> None:
    lexicon = load_lexicon()
    assert set(lexicon.phrases) == set(PHASE_BY_ID)
    for phase, by_lang in lexicon.phrases.items():
        assert set(by_lang) == set(LANGUAGES), phase
        assert all(by_lang.values()), phase


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["phases"].pop("training"), "phase 'training' has no entry"),
        (lambda d: d["phases"].update(holiday={}), "unknown phase 'holiday'"),
        (lambda d: d["phases"]["training"].pop("th"), "phases.training.th"),
        (lambda d: d["phases"]["training"].update(de=["Sprachkurs"]), "unknown language 'de'"),
        (lambda d: d["phases"]["plan"].update(fi=["", "x"]), "phases.plan.fi[0]"),
        (lambda d: d["phases"]["plan"].update(fi=["Kurssi", "kurssi "]), "given twice"),
        (lambda d: d["phases"]["plan"].update(fi=["x" * 81]), "longer than 80"),
        (lambda d: d.update(extra=1), "one key, 'phases'"),
    ],
)
def test_a_broken_lexicon__is_refused_with_the_place_named(change: Any, message: str) -> None:
    data = _valid()
    change(data)
    with pytest.raises(LexiconError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_lexicon(data)


def test_lexicon_files__missing_is_empty_and_bad_yaml_is_an_error(tmp_path: Path) -> None:
    assert load_lexicon(tmp_path / "none.yaml").phrases == {}
    bad = tmp_path / "bad.yaml"
    bad.write_text("phases: [", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_lexicon(bad)
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(yaml.safe_dump({"phases": []}), encoding="utf-8")
    with pytest.raises(LexiconError, match="must map phase ids"):
        load_lexicon(wrong)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "phase"),
    [
        ("language course", "training"),
        ("курси мови", "training"),
        ("finskakurs", "training"),
        ("kielikurssi", "training"),
        ("suomen kurssi", "training"),
        ("help finding a job", "employment"),
        ("دورة لغة", "training"),
        ("คอร์สภาษา", "training"),
        ("harrastukset", "community"),
        ("yki", "final_test"),
    ],
)
def test_everyday_and_cross_lingual_wording__finds_the_phase_first(query: str, phase: str) -> None:
    first = search(query=query)[0]
    assert first["phase"] == phase
    assert first["url"] == f"/fi/phases/{phase}/"
