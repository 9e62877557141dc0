from __future__ import annotations

import datetime as dt

from thucydides.extract.context import Dating, DocumentContext

MONDAY = dt.date(2017, 10, 2)
TUESDAY = dt.date(2017, 10, 3)


def test_a_later_undated_telling_at_the_same_place_takes_the_date_the_text_gave() -> None:
    context = DocumentContext(sections=[0, 0, 0])
    assert context.date_at("midan", Dating(MONDAY, 1, given=True)) == (MONDAY, 1)
    # "Witnesses in Midan heard two blasts": no date of its own, the report is of Tuesday.
    assert context.date_at("midan", Dating(TUESDAY, 1, given=False)) == (MONDAY, 1)


def test_an_undated_event_elsewhere_takes_the_reports_day() -> None:
    context = DocumentContext(sections=[0])
    context.date_at("midan", Dating(MONDAY, 1, given=True))
    assert context.date_at("jobar", Dating(TUESDAY, 1, given=False)) == (TUESDAY, 1)
