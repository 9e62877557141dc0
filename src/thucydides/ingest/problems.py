"""The ingest error boundary: a failing input becomes a ``Problem`` value and the batch goes on."""

from __future__ import annotations

import logging
from collections.abc import Callable

from thucydides.errors import ThucydidesError
from thucydides.model import Document, Problem

log = logging.getLogger(__name__)

STAGE = "ingest"


def problem(input: str, error: Exception) -> Problem:
    """The ``Problem`` recording why ``input`` could not be read.

    A known error keeps its message; anything else is a bug and is logged in full.
    """
    if isinstance(error, ThucydidesError):
        message = str(error)
    else:
        log.exception("ingest failed on %s", input)
        message = (
            f"{input}: unexpected {type(error).__name__}: {error}. "
            "This is a bug in Thucydides; please report it with the input."
        )
    return Problem(input=input, stage=STAGE, kind=type(error).__name__, message=message)


def attempt(input: str, build: Callable[[], Document]) -> Document | Problem:
    """``build()``, or the ``Problem`` that says why it failed."""
    try:
        return build()
    except Exception as error:  # one bad input never stops a batch
        return problem(input, error)
