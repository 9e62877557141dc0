"""Republications: a site copying a Fars piece is one source, not two.

Each document gets a MinHash signature of its word 5-shingles (``datasketch``)
and its shingle count; from the estimated Jaccard similarity and the two counts
follows how much of the shorter document the longer one contains. When that
reaches ``COPY_THRESHOLD`` the two are one article: a mirror site adds its own
header and footer, which lowers Jaccard on a short piece but not containment.
The earliest published of a group (then the smallest id) is the original; the
others are its copies. Two outlets writing one event in their own words stay
far below the threshold.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

# numpy and datasketch are imported on first use: the store imports this module, and the
# commands that only read the store should not pay for them (datasketch pulls scipy).

NUM_PERM = 128
SCHEME = "affine64"  # datasketch's 64-bit hashing: stored signatures say nothing of their scheme
SHINGLE_WORDS = 5
COPY_THRESHOLD = 0.7  # measured: a mirrored short piece 0.80, independent tellings of one event <= 0.02
_WORD = re.compile(r"\w+")


_TEMPLATE: list[MinHash] = []  # one MinHash holding the permutations: building them is the slow part


def signature(text: str) -> bytes:
    """The shingle count and MinHash signature of a document's text, as bytes to store."""
    words = _WORD.findall(text.casefold())
    import numpy as np

    if not _TEMPLATE:
        from datasketch import MinHash

        _TEMPLATE.append(MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME))
    minhash = _TEMPLATE[0].copy()
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    count = np.array([len(shingles)], dtype=np.uint64).tobytes()
    return bytes(count + minhash.hashvalues.astype(np.uint64).tobytes())


def containment(a: bytes, b: bytes) -> float:
    """The estimated share of the shorter document's shingles that the other one holds."""
    import numpy as np

    values_a, values_b = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    # MinHash's estimate of Jaccard similarity: the share of positions where the signatures agree.
    jaccard = float(np.count_nonzero(values_a[1:] == values_b[1:])) / NUM_PERM
    size_a, size_b = int(values_a[0]), int(values_b[0])
    shared = jaccard * (size_a + size_b) / (1 + jaccard)  # |A ∩ B| from J = |A ∩ B| / |A ∪ B|
    return min(1.0, shared / max(1, min(size_a, size_b)))


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    document_id: str
    published: dt.date | None
    signature: bytes


def originals(documents: Sequence[DocumentInfo]) -> Mapping[str, str]:
    """For each document that copies another, the id of the original."""
    ordered = sorted(documents, key=lambda d: (d.published or dt.date.max, d.document_id))
    original_of: dict[str, str] = {}
    for index, doc in enumerate(ordered):
        if doc.document_id in original_of:
            continue
        for later in ordered[index + 1 :]:
            if later.document_id not in original_of and containment(doc.signature, later.signature) >= (
                COPY_THRESHOLD
            ):
                original_of[later.document_id] = doc.document_id
    return original_of
