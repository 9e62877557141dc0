"""Republications: a site copying a Fars piece is one source, not two.

Each document gets a MinHash signature of its word 5-shingles (``datasketch``);
two documents whose estimated Jaccard similarity reaches ``COPY_THRESHOLD`` are
one article. The earliest published of a group (then the smallest id) is the
original; the others are its copies. Light edits (a new headline, a dropped
paragraph, the site's own boilerplate) keep a copy above the threshold; two
outlets writing the same event in their own words stay far below it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 5
COPY_THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    """The MinHash signature of a document's text, as bytes to store."""
    words = _WORD.findall(text.casefold())
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles])
    return bytes(minhash.hashvalues.astype(np.uint64).tobytes())


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two documents from their signatures."""
    first = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(a, dtype=np.uint64))
    second = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(b, dtype=np.uint64))
    return float(first.jaccard(second))


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
            if later.document_id not in original_of and similarity(doc.signature, later.signature) >= (
                COPY_THRESHOLD
            ):
                original_of[later.document_id] = doc.document_id
    return original_of
