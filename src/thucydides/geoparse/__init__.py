"""Geoparsing: place names found in a document's sentences, resolved to gazetteer entries.

Geoparser(gazetteer, countries_in_focus=("SY",))    the ``geoparse`` stage
relative_modifier(doc, place_mention)               "East of", "near", "the Northern parts of"...
link_mentions(doc, place_mentions)                  where the text puts each (``within``, ``relation``...)
place_records(doc)                                  records of shared/spec/place-mention.md
"""

from thucydides.geoparse.records import FIELDS, place_records
from thucydides.geoparse.relative import relative_modifier
from thucydides.geoparse.stage import Geoparser
from thucydides.geoparse.structure import link_mentions

__all__ = ["FIELDS", "Geoparser", "link_mentions", "place_records", "relative_modifier"]
