"""The measurement behind ``FUZZY_CUTOFF``: how often a close spelling finds the right place.

Pairs of spellings of one Syrian community come from the OCHA/IOM community
list (``name_iom``) and the Who's On First locality it was matched to
(``wof_name``); only pairs whose keys differ count (the key already joins the
others). Each IOM spelling is looked up among the WOF localities of its own
governorate, as the geoparser does (it takes a close spelling only with
support from the governorate, a container or places nearby), and the best
hit at or above a cutoff is right when it is the matched locality.

Measured (1,779 pairs): cutoff 70 precision 0.54 recall 0.40; 80: 0.62 / 0.36;
85: 0.69 / 0.30; 90: 0.70 / 0.20; 95: 0.26 / 0.02. Precision stops rising at
85 while recall keeps falling: 85 is the cutoff. (The pairs were themselves
matched by spelling similarity upstream, so both figures are optimistic.)
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from thucydides.gazetteer.admin import AdminNames
from thucydides.gazetteer.index import FUZZY_CUTOFF
from thucydides.gazetteer.normalize import name_key


def _records(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def precision_recall(data: Path, cutoff: float) -> tuple[float, float]:
    admin = AdminNames()
    localities: dict[str | None, set[str]] = defaultdict(set)
    for record in _records(data / "wof-admin-sy" / "wof_admin_sy.tsv.gz"):
        if record["placetype"] == "locality":
            localities[admin.canonical("SY", record["region"])].add(
                name_key(record["name_eng"] or record["name"])
            )
    choices = {region: sorted(keys) for region, keys in localities.items()}
    pairs = [
        (name_key(record["name_iom"]), name_key(record["wof_name"]), record["adm1_name"])
        for record in _records(
            data / "syria-communities-pplp" / "syria_communities_ocha_pplp_iom_names.tsv.gz"
        )
        if record["evidence"] == "wof_name" and name_key(record["name_iom"]) != name_key(record["wof_name"])
    ]
    answered = right = 0
    for query, gold, region in pairs:
        best = process.extractOne(query, choices.get(region, []), scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is not None:
            answered += 1
            right += best[0] == gold
    return right / max(answered, 1), right / len(pairs)


@pytest.mark.needs_data
def test_fuzzy_cutoff_is_at_the_knee(shared_data: Path) -> None:
    table = {cutoff: precision_recall(shared_data, cutoff) for cutoff in (75, FUZZY_CUTOFF, 95)}
    for cutoff, (precision, recall) in table.items():
        print(f"fuzz.ratio >= {cutoff}: precision {precision:.2f}, recall {recall:.2f}")
    precision, recall = table[FUZZY_CUTOFF]
    assert precision >= 0.6 and recall >= 0.25
    assert precision > table[75][0]  # a lower cutoff buys recall with wrong places
    assert recall > 2 * table[95][1]  # a higher one loses most close spellings
