"""The generator: every step together, and the files in order."""

from __future__ import annotations

from kotokartta.devtools.synth.area import _AreaFile
from kotokartta.devtools.synth.constants import DOCUMENT_FILE
from kotokartta.devtools.synth.model import _Profile, _Written
from kotokartta.devtools.synth.municipality import _MunicipalityStart
from kotokartta.devtools.synth.municipality_community import _MunicipalityCommunity
from kotokartta.devtools.synth.municipality_services import _MunicipalityServices
from kotokartta.programme.validation import AREA_FILE


class _Generator(_AreaFile, _MunicipalityStart, _MunicipalityServices, _MunicipalityCommunity):
    def _municipality_file(self, profile: _Profile) -> str:
        v = self._municipality_start(profile)
        v = self._municipality_services(profile, v)
        return self._municipality_community(profile, v)

    # ----------------------------------------------------------------- all files

    def generate(self) -> list[_Written]:
        self._choose_profiles()
        self.kaikukortti = {m.code for m in self.munis if self.rng.random() < 0.12}
        # area.yaml first: its paragraphs open each section of the document, and the
        # municipalities' files refer to its projects.
        area_text = self._area_file()
        written = [
            _Written(f"{m.id}.yaml", m.name_fi, self._municipality_file(self.profiles[m.code]))
            for m in self.munis
        ]
        document = self.doc.render(
            "Suomen kuntien kotoutumisohjelmia kuvaava synteettinen asiakirja",
            [
                "SYNTEETTINEN AINEISTO. Tämä asiakirja ei ole todellinen kotoutumisohjelma: "
                "kuntien nimet ja numerot ovat oikeita, kaikki muu on keksittyä "
                f"(`{self.command}`).",
                f"Asiakirja kuvaa {len(self.munis)} kunnan kotoutumisen alkuvaiheen palvelut "
                f"{len(self.areas)} työllisyysalueella ja {len(self.counties)} "
                "hyvinvointialueella.",
            ],
        )
        return [
            _Written(AREA_FILE, "area.yaml", area_text),
            *written,
            _Written(DOCUMENT_FILE, DOCUMENT_FILE, document),
        ]
