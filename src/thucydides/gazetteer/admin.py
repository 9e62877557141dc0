"""First-level division names: one consistent name per governorate, province or state.

Sources write the same governorate many ways ("Hasaka (Al Haksa)", "Al-Hasakah",
"Al-Hasakeh", "SY.01"). Every entry of the gazetteer carries the canonical
name: the OCHA English name for Syria (the names humanitarian and ACLED data
use), the GeoNames admin1 name elsewhere. ``AdminNames`` turns whatever a
source wrote into that name, by code or by name key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from thucydides.gazetteer.normalize import name_key

# GeoNames admin1 code -> (OCHA pcode, OCHA English name, GeoNames id). The OCHA
# names are those of the COD-AB governorate layer (NAME_EN); the crosswalk is by
# GeoNames id (admin1CodesASCII.txt and syria-admin-opensyria agree on it).
SYRIA_ADMIN1: dict[str, tuple[str, str, int]] = {
    "01": ("SY08", "Al-Hasakeh", 173813),
    "02": ("SY06", "Lattakia", 173578),
    "03": ("SY14", "Quneitra", 173336),
    "04": ("SY11", "Ar-Raqqa", 172957),
    "05": ("SY13", "As-Sweida", 172410),
    "06": ("SY12", "Dar'a", 170903),
    "07": ("SY09", "Deir-ez-Zor", 170792),
    "08": ("SY03", "Rural Damascus", 170652),
    "09": ("SY02", "Aleppo", 170062),
    "10": ("SY05", "Hama", 170015),
    "11": ("SY04", "Homs", 169575),
    "12": ("SY07", "Idleb", 169387),
    "13": ("SY01", "Damascus", 167541),
    "14": ("SY10", "Tartous", 163342),
}
SYRIA_ADMIN1_BY_PCODE: dict[str, str] = {pcode: name for pcode, name, _ in SYRIA_ADMIN1.values()}

# A raw admin1 name this close (fuzz.ratio on keys) to one canonical name of its
# country, and clearly closer to it than to any other, is that name.
_FUZZY_ADMIN_CUTOFF = 85.0
_FUZZY_ADMIN_MARGIN = 10.0


def _variants(raw: str) -> list[str]:
    """A raw name and the parts of "Aleppo (Halab)"-style names."""
    variants = [raw]
    if "(" in raw:
        head, _, rest = raw.partition("(")
        variants += [head.strip(), rest.rstrip(")").strip()]
    return [variant for variant in variants if variant]


class AdminNames:
    """Canonical admin1 names per country, and the spellings known for each."""

    def __init__(self) -> None:
        self._by_code: dict[tuple[str, str], str] = {}
        self._by_key: dict[str, dict[str, str]] = defaultdict(dict)
        for code, (_, name, _) in SYRIA_ADMIN1.items():
            self.add("SY", name, code=code)

    def add(
        self, country: str, canonical: str, *, code: str | None = None, aliases: Iterable[str] = ()
    ) -> str:
        """Register a division (or more spellings of one); returns the canonical name kept.

        A division already known by its code keeps its first canonical name
        (the OCHA name for Syria beats the GeoNames one).
        """
        if code is not None:
            canonical = self._by_code.setdefault((country, code), canonical)
        keys = self._by_key[country]
        for spelling in (canonical, *aliases):
            for variant in _variants(spelling):
                keys.setdefault(name_key(variant), canonical)
        return canonical

    def by_code(self, country: str | None, code: str | None) -> str | None:
        """The canonical name of the division with this GeoNames admin1 code."""
        if not country or not code:
            return None
        return self._by_code.get((country, code))

    def canonical(self, country: str | None, *spellings: str | None) -> str | None:
        """The canonical name the first known spelling stands for; None when none is known.

        Exact keys are tried for every spelling first; then, for the first
        spelling only, a close key (``_FUZZY_ADMIN_CUTOFF``) that no other
        canonical name comes near.
        """
        keys = self._by_key.get(country or "")
        spelled = [spelling for spelling in spellings if spelling]
        if not keys or not spelled:
            return None
        for spelling in spelled:
            for variant in _variants(spelling):
                if found := keys.get(name_key(variant)):
                    return found
        matches = process.extract(name_key(spelled[0]), list(keys), scorer=fuzz.ratio, limit=None)
        best = [(keys[key], score) for key, score, _ in matches if score >= _FUZZY_ADMIN_CUTOFF]
        others = [score for key, score, _ in matches if best and keys[key] != best[0][0]]
        if best and (not others or best[0][1] - max(others) >= _FUZZY_ADMIN_MARGIN):
            return best[0][0]
        return None

    def names(self, country: str) -> set[str]:
        """The canonical names known for a country."""
        return set(self._by_key.get(country, {}).values())
