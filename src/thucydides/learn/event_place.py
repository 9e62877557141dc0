"""Which of a sentence's place mentions is where its event happened: a logistic regression over parse facts.

Given one parsed sentence, the character span of the event's action word (the trigger) and the
character spans of the place mentions in it (the candidates), the model gives every candidate a
probability that it is the event's location. The features are general facts of English, read from
spaCy's tagger, parser and entities, never names:

- the preposition that governs the candidate's noun phrase (``in``, ``at``, ``near``, ``from``,
  ``of``...), the word that phrase hangs from ("the village of X", "north of X", "positions in X"),
  and the preposition one level up ("from positions in X");
- the dependency path between trigger and candidate: its labels, its length, the verbs it crosses,
  whether the candidate lies in the trigger's subtree; the token distance, before or after the
  trigger, how many other candidates lie between;
- whether the candidate modifies a noun ("the Baghdad government", "Syrian troops", "Aleppo's
  east") and what that noun does in the sentence (subject, object...);
- how the candidates locate one another: nested spans, "X, Y" and "X, in Y province", "X, a town
  in Y", "the city of X" next to a place that premodifies "city";
- spaCy's place type (GPE, LOC, FAC; a candidate spaCy does not call a place gets the average
  type of a true location, so the model neither favours nor punishes it for that), first, last or
  only candidate, datelines ("BAGHDAD (AP) -"), words just before and after.

``learn/train_event_place.py`` fits it on the marked wire sentences of
``shared/dev/event-location``; it ships as plain arrays (``event_place.npz``: feature names,
coefficients, intercept, the type prior), never as a pickle.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from thucydides.errors import ResourceError
from thucydides.learn.arrays import load_arrays

MODEL_FILE = "event_place.npz"
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Dependency labels by which a word premodifies a noun ("the Baghdad government", "Syrian troops").
PREMODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})
# Labels by which a noun phrase continues another ("in A and B", "X, a town in Y", "Idlib city").
NP_LINKS = frozenset({"conj", "appos", "flat"})
DASHES = frozenset({"-", "--", "—", "–", "_", "__"})

Features = dict[str, float]


def _bucket(n: int, edges: Sequence[int] = (0, 1, 2, 3, 5, 8, 13)) -> str:
    """The largest edge not above ``n``, as text: a coarse, sign-free size."""
    chosen = edges[0]
    for edge in edges:
        if n >= edge:
            chosen = edge
    return str(chosen)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering the characters ``start:end`` (whitespace at either end ignored)."""
    text = doc.text
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _chain(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first."""
    return [token, *token.ancestors]


def _path(a: Token, b: Token) -> tuple[list[Token], list[Token]]:
    """Tokens from ``a`` up to (not including) the lowest common ancestor, and the same from ``b``."""
    chain_b = _chain(b)
    index_b = {t.i: n for n, t in enumerate(chain_b)}
    up: list[Token] = []
    for token in _chain(a):
        if token.i in index_b:
            return up, chain_b[: index_b[token.i]]
        up.append(token)
    return up, chain_b  # different trees: only with a broken parse


def _lemma(token: Token) -> str:
    word = _word(token)
    return token.lemma_.lower() if word == token.lower_ else word


def _noun_phrase(root: Token) -> tuple[Token, Features]:
    """Climb from a candidate's head to the head of the phrase it names a place in, noting how."""
    feats: Features = {}
    head = root
    if root.dep_ in PREMODIFIERS and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        feats["premod"] = 1.0
        feats[f"premod_kind={'poss' if root.dep_ == 'poss' else 'other'}"] = 1.0
        feats[f"premod_noun={_lemma(noun)}"] = 1.0
        feats[f"premod_noun_dep={noun.dep_}"] = 1.0
        if noun.pos_ == "NOUN" and any(
            child.dep_ == "prep" and child.lower_ == "of" for child in noun.children
        ):
            feats["premod_noun_has_of"] = 1.0
        head = noun
    steps = 0
    while head.dep_ in NP_LINKS and head.head.i != head.i and steps < 4:
        feats[f"np_link={head.dep_}"] = 1.0
        head = head.head
        steps += 1
    return head, feats


def _governors(head: Token, trigger: Token) -> Features:
    """The preposition over the phrase, what it hangs from, and the preposition above that."""
    feats: Features = {}
    if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent", "dative"):
        prep = head.head
        governor = prep.head
        feats[f"prep={_word(prep)}"] = 1.0
        feats[f"prep={_word(prep)}|gov_pos={governor.pos_}"] = 1.0
        feats[f"prep={_word(prep)}|gov={_lemma(governor)}"] = 1.0
        if governor.i == trigger.i:
            feats[f"prep={_word(prep)}|gov=TRIGGER"] = 1.0
        higher, _ = _noun_phrase(governor)
        if higher.dep_ == "pobj" and higher.i != head.i:
            feats[f"prep2={_word(higher.head)}"] = 1.0
            feats[f"prep2={_word(higher.head)}|prep={_word(prep)}"] = 1.0
        elif governor.pos_ in ("NOUN", "PROPN"):
            feats[f"prep|gov_dep={higher.dep_}"] = 1.0
    else:
        feats[f"np_dep={head.dep_}"] = 1.0
        if head.head.i == trigger.i:
            feats[f"np_dep={head.dep_}|gov=TRIGGER"] = 1.0
    return feats


def _path_features(root: Token, trigger: Token) -> Features:
    feats: Features = {}
    up, down = _path(root, trigger)
    distance = len(up) + len(down)
    feats[f"tree_dist={_bucket(distance)}"] = 1.0
    feats["tree_closeness"] = 1.0 / (1.0 + distance)
    if not down:
        feats["in_trigger_subtree"] = 1.0
    if not up:
        feats["trigger_in_candidate_subtree"] = 1.0
    labels_up = ">".join(t.dep_ for t in up[:3])
    feats[f"path_up={labels_up}|down={_bucket(len(down), (0, 1, 2, 3))}"] = 1.0
    if not down:
        feats[f"path_to_trigger={labels_up}"] = 1.0
    verbs = sum(1 for t in up[1:] + down[1:] if t.pos_ in ("VERB", "AUX"))
    feats[f"verbs_on_path={_bucket(verbs, (0, 1, 2))}"] = 1.0
    if any(t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp") for t in up):
        feats["candidate_in_clause"] = 1.0
    if any(t.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj") for t in down):
        feats["trigger_in_clause"] = 1.0
    return feats


def _word(token: Token) -> str:
    """A token as a feature: ordinary words lower-cased; names, dates and numbers by kind only.

    No feature names a particular place, person or group: what the model learns is about English.
    """
    if token.ent_type_ in ("DATE", "TIME"):
        return "<date>"
    if token.like_num or token.ent_type_ == "CARDINAL":
        return "<num>"
    if token.pos_ == "PROPN" or (token.i > 0 and token.text[:1].isupper() and token.pos_ != "PUNCT"):
        return "<name>"
    return token.lower_


def _next_word(doc: Doc, i: int) -> str:
    return _word(doc[i]) if 0 <= i < len(doc) else "<none>"


def _surface(doc: Doc, span: Span, others: Sequence[Span]) -> Features:
    """Words around the candidate, and the patterns by which places locate one another."""
    feats: Features = {}
    before, after = span.start - 1, span.end
    # Determiners and adjectives between the preposition and the name ("in the northern city X").
    back = before
    while back >= 0 and doc[back].pos_ in ("DET", "ADJ", "NUM") and before - back < 3:
        back -= 1
    feats[f"prev={_next_word(doc, before)}"] = 1.0
    feats[f"prev_content={_next_word(doc, back)}"] = 1.0
    feats[f"next={_next_word(doc, after)}"] = 1.0
    starts = {o.start: o for o in others}
    ends = {o.end: o for o in others}
    # "X, Y" / "X, in Y province": X is the more specific place, Y its container.
    if after < len(doc) and doc[after].text == ",":
        j = after + 1
        while j < len(doc) and j - after <= 3 and doc[j].lower_ in ("in", "the", "of"):
            j += 1
        if j in starts:
            feats["comma_then_place"] = 1.0
        elif after + 1 < len(doc) and doc[after + 1].lower_ in ("a", "an", "the"):
            feats["comma_then_apposition"] = 1.0
    j = before
    while j >= 0 and span.start - j <= 3 and doc[j].lower_ in ("in", "the", "of"):
        j -= 1
    if j >= 0 and doc[j].text == "," and j in ends:
        feats["place_comma_before"] = 1.0
    # "X, a town in Y": Y after ", a|an|the NOUN in|of|near".
    window = doc[max(0, span.start - 8) : span.start]
    words = [t.lower_ for t in window]
    if "," in words:
        k = len(words) - 1 - words[::-1].index(",")
        tail = window[k + 1 :]
        if (
            len(tail) >= 3
            and tail[0].lower_ in ("a", "an", "the")
            and tail[-1].pos_ == "ADP"
            and any(t.pos_ == "NOUN" for t in tail)
            and (window[k].i in ends)
        ):
            feats["apposition_container"] = 1.0
    # Datelines: "BAGHDAD (AP) -", "KABUL, Afghanistan -".
    if span.start <= 3:
        ahead = [t.text for t in doc[span.end : min(len(doc), span.end + 6)]]
        upper = span.text.upper() == span.text and any(c.isalpha() for c in span.text)
        if any(t in DASHES for t in ahead) or (ahead[:1] == ["("] and upper):
            feats["dateline"] = 1.0
            if upper:
                feats["dateline_upper"] = 1.0
    if span.start <= 1:
        feats["sentence_initial"] = 1.0
    # Inside parentheses.
    opened = sum(1 for t in doc[max(0, span.start - 6) : span.start] if t.text == "(")
    closed = sum(1 for t in doc[max(0, span.start - 6) : span.start] if t.text == ")")
    if opened > closed:
        feats["in_parentheses"] = 1.0
    return feats


def candidate_features(
    sentence: Doc | Span,
    trigger: tuple[int, int],
    candidates: Sequence[tuple[int, int]],
    *,
    label_prior: Mapping[str, float] | None = None,
) -> list[Features]:
    """The features of every candidate place span of one sentence (offsets into its text).

    ``label_prior``: the type mix given to a candidate that spaCy does not call GPE, LOC or FAC.
    """
    doc = sentence.as_doc() if isinstance(sentence, Span) else sentence
    spans = [_span(doc, start, end) for start, end in candidates]
    trigger_span = _span(doc, *trigger)
    prior = dict(label_prior) if label_prior else dict.fromkeys(PLACE_LABELS, 1.0 / len(PLACE_LABELS))
    places = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    present = [s for s in spans if s is not None]
    out: list[Features] = []
    for span in spans:
        feats: Features = {"bias_candidate": 1.0}
        if span is None or trigger_span is None:
            feats["unaligned"] = 1.0
            out.append(feats)
            continue
        others = [s for s in present if s is not span and (s.start, s.end) != (span.start, span.end)]
        trig = trigger_span.root
        root = span.root
        # spaCy's place type, or the prior mix when spaCy does not call it a place.
        label = next((e.label_ for e in places if e.start < span.end and span.start < e.end), None)
        for name in PLACE_LABELS:
            share = (1.0 if name == label else 0.0) if label else prior.get(name, 0.0)
            if share:
                feats[f"label={name}"] = share
        # Position relative to the trigger and to the other candidates.
        after = span.start >= trigger_span.end
        overlaps_trigger = span.start < trigger_span.end and trigger_span.start < span.end
        side = "overlap" if overlaps_trigger else ("after" if after else "before")
        feats[f"side={side}"] = 1.0
        gap = span.start - trigger_span.end if after else trigger_span.start - span.end
        gap = max(gap, 0)
        feats[f"token_gap={side}:{_bucket(gap)}"] = 1.0
        feats["log_gap"] = math.log1p(gap)
        low, high = sorted((span.start, trig.i))
        between = sum(1 for o in others if low < o.start < high)
        feats[f"places_between={_bucket(between, (0, 1, 2))}"] = 1.0
        gaps = [abs(o.start - trig.i) for o in others]
        if not gaps or abs(span.start - trig.i) <= min(gaps):
            feats["nearest"] = 1.0
        starts = sorted({o.start for o in others} | {span.start})
        if len(starts) == 1:
            feats["only"] = 1.0
        else:
            if span.start == starts[0]:
                feats["first"] = 1.0
            if span.start == starts[-1]:
                feats["last"] = 1.0
        if any(o.start <= span.start and span.end <= o.end for o in others):
            feats["nested_in_other"] = 1.0
        if any(span.start <= o.start and o.end <= span.end for o in others):
            feats["contains_other"] = 1.0
        # Syntax: the phrase the place names, what governs it, and the path to the trigger.
        head, np_feats = _noun_phrase(root)
        feats.update(np_feats)
        feats.update(_governors(head, trig))
        feats.update(_path_features(root, trig))
        if head.pos_ == "NOUN" or root.head.pos_ == "NOUN":
            noun = head if head.pos_ == "NOUN" else root.head
            # "the West Bank city of X": does the noun this place qualifies lead on to another place?
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if any(o.start <= obj.i < o.end for o in others):
                            feats["qualifies_noun_of_place"] = 1.0
        feats.update(_surface(doc, span, others))
        out.append({k: v for k, v in feats.items() if v})
    return out


class EventPlaceModel:
    """A fitted model: ``probabilities(sentence, trigger, candidates)`` scores each candidate."""

    def __init__(
        self,
        *,
        features: Sequence[str],
        coef: np.ndarray,
        intercept: float,
        label_prior: Mapping[str, float],
    ) -> None:
        self.features = tuple(features)
        self._index = {name: i for i, name in enumerate(self.features)}
        self._coef = np.asarray(coef, dtype=np.float64).ravel()
        self.intercept = float(intercept)
        self.label_prior = {name: float(label_prior.get(name, 0.0)) for name in PLACE_LABELS}
        if self._coef.shape != (len(self.features),):
            raise ResourceError(
                f"The event-place model has {self._coef.size} coefficients for {len(self.features)} "
                "features. Retrain it with learn/train_event_place.py."
            )

    @classmethod
    def load(cls, path: str | Path | None = None) -> EventPlaceModel:
        """The model shipped with Thucydides, or the one saved at ``path``."""
        arrays = load_arrays(path, MODEL_FILE, what="event-place model", trainer="learn/train_event_place.py")
        try:
            features = [str(name) for name in arrays["features"]]
            prior = dict(zip(PLACE_LABELS, arrays["label_prior"].tolist(), strict=True))
            return cls(
                features=features,
                coef=arrays["coef"],
                intercept=float(arrays["intercept"]),
                label_prior=prior,
            )
        except (ValueError, KeyError) as error:
            raise ResourceError(
                f"Cannot read the event-place model ({path or MODEL_FILE}): {error}. "
                "Reinstall Thucydides or retrain it with learn/train_event_place.py."
            ) from error

    def save(self, path: str | Path) -> None:
        """Write the model as plain arrays (no pickle)."""
        np.savez_compressed(
            path,
            features=np.array(self.features),
            coef=self._coef.astype(np.float32),
            intercept=np.array(self.intercept, dtype=np.float64),
            label_prior=np.array([self.label_prior[name] for name in PLACE_LABELS], dtype=np.float64),
        )

    def features_of(
        self, sentence: Doc | Span, trigger: tuple[int, int], candidates: Sequence[tuple[int, int]]
    ) -> list[Features]:
        return candidate_features(sentence, trigger, candidates, label_prior=self.label_prior)

    def decision(self, rows: Iterable[Mapping[str, float]]) -> np.ndarray:
        """The linear score (log-odds) of feature dicts; features the model does not know count zero."""
        scores = []
        for row in rows:
            total = self.intercept
            for name, value in row.items():
                i = self._index.get(name)
                if i is not None:
                    total += self._coef[i] * value
            scores.append(total)
        return np.asarray(scores, dtype=np.float64)

    def probabilities(
        self, sentence: Doc | Span, trigger: tuple[int, int], candidates: Sequence[tuple[int, int]]
    ) -> list[float]:
        """For each candidate place span, the probability that it is where the event happened.

        ``sentence``: one sentence parsed with tagger, parser and entities (a ``Span`` is copied into
        its own ``Doc``); ``trigger`` and ``candidates``: ``(start, end)`` character offsets into the
        sentence's text. The candidates are scored independently; the highest is the best guess.
        """
        if not candidates:
            return []
        scores = self.decision(self.features_of(sentence, trigger, candidates))
        return [float(p) for p in 1.0 / (1.0 + np.exp(-scores))]

    def explain(
        self, sentence: Doc | Span, trigger: tuple[int, int], candidates: Sequence[tuple[int, int]]
    ) -> list[list[tuple[str, float]]]:
        """For each candidate, its features with their contribution to the score, largest first."""
        out = []
        for row in self.features_of(sentence, trigger, candidates):
            parts = [
                (name, float(self._coef[self._index[name]] * v))
                for name, v in row.items()
                if name in self._index
            ]
            out.append(sorted(parts, key=lambda part: -abs(part[1])))
        return out
