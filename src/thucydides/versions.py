"""Versions of the stages' implementations, stored with every run; known without loading anything."""

from __future__ import annotations

import importlib.metadata

from thucydides import __version__
from thucydides.config import Settings

# Versioned names of the implementations, stored with every run.
STAGE_VERSIONS = {
    "annotate": "annotate.spacy-sentences.v1",
    "subevents": "subevents.linear-svm.v1",
    "quantities": "quantities.rules.v1",
    "dates": "dates.relative.v1",
    "geoparse": "geoparse.gazetteer.v1",
    "extract": "extract.frames-and-model.v3",
    "geocode": "geocode.place-or-anchor.v1",
}


def static_versions(settings: Settings) -> dict[str, object]:
    """The versions known without loading anything (a run that may never need the model)."""
    return {
        "thucydides": __version__,
        "spacy": importlib.metadata.version("spacy"),
        "spacy_model": settings.spacy_model,
        "stages": STAGE_VERSIONS,
    }
