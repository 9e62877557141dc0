"""Close spellings as more candidates (``geoparse/spellings.py``)."""

from __future__ import annotations

from thucydides.gazetteer import Gazetteer
from thucydides.geoparse.context import Item
from thucydides.geoparse.spans import Span
from thucydides.geoparse.spellings import add_close_spellings
from thucydides.model import Sentence


def test_a_nationality_adjective_gets_no_close_spellings(small_gazetteer: Gazetteer) -> None:
    text = "Iraqi militias arrived."
    sentence = Sentence(0, 0, len(text), text, 0)
    iraq = small_gazetteer.lookup("Iraq", limit=1)
    span = Span(start=0, end=5, text="Iraqi", sentence=sentence, known=False, origin="demonym")
    item = Item(span=span, candidates=list(iraq))
    add_close_spellings(small_gazetteer, item, "SY")
    assert [c.place.name for c in item.candidates] == ["Iraq"]
