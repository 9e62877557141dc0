"""Figures in words and digits: "15", "1,200", "twenty-two", "nearly a dozen", "tens of".

A figure is a range ``low..high`` (``high`` None: no upper bound) and the
conservative figure ``best``, which is always ``low``: the lowest figure the
wording supports (spec: ``fatalities``). ``exact`` is true only for a plain
number ("15", "fifteen").

Vague quantifiers come from ``quantifiers.tsv`` (with the source of each
convention). Modifiers before or after a number:

=====================================================  ==============================  ============
wording                                                figure                          source
=====================================================  ==============================  ============
N (digits, number words)                               N..N, exact                     --
NUM dozen ("two dozen")                                12*NUM, not exact               --
X to Y, X-Y, X or Y, between X and Y                   X..Y                            our choice
about, around, approximately, roughly, some,           floor(0.85 N)..ceil(1.15 N)     spec ("around two
  an estimated, estimated, circa; N or so                                                dozen" -> 20..28)
nearly, almost, close to, just under, nearing          floor(0.8 N)..N-1               spec ("nearly a
                                                                                        dozen" -> 9..11)
at least, no fewer/less than, not less than,           N..None                         our choice
  a minimum of; N or more, N-plus, N plus
more than, over, upwards of, in excess of, above       N+1..None                       our choice
up to, as many as, a maximum of                        1..N                            our choice
fewer than, less than, under, below                    1..N-1                          our choice
another, a further, an additional                      as the figure after it          --
=====================================================  ==============================  ============

A modifier before a vague quantifier with a range ("about dozens") leaves
the range as it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple, TypeVar

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")

_UNIT_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = {word: value for value, word in enumerate(_UNIT_WORDS)}
TENS = {word: 10 * (i + 2) for i, word in enumerate(_TENS_WORDS)}
SCALES = {"thousand": 1_000, "million": 1_000_000}

# Modifier words -> rule name; the longest match wins.
MODIFIERS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(
        [("about",), ("around",), ("approximately",), ("roughly",), ("some",), ("circa",)], "about"
    ),
    **dict.fromkeys([("an", "estimated"), ("estimated",), ("some", "estimated")], "about"),
    **dict.fromkeys([("nearly",), ("almost",), ("close", "to"), ("just", "under"), ("nearing",)], "nearly"),
    **dict.fromkeys(
        [("at", "least"), ("no", "fewer", "than"), ("no", "less", "than"), ("not", "less", "than")], "min"
    ),
    ("a", "minimum", "of"): "min",
    **dict.fromkeys(
        [("more", "than"), ("over",), ("upwards", "of"), ("in", "excess", "of"), ("above",)], "more"
    ),
    **dict.fromkeys([("up", "to"), ("as", "many", "as"), ("a", "maximum", "of")], "max"),
    **dict.fromkeys([("fewer", "than"), ("less", "than"), ("under",), ("below",)], "less"),
    **dict.fromkeys([("another",), ("a", "further"), ("an", "additional")], "same"),
    ("between",): "between",
}
_RANGE_WORDS = frozenset({"to", "-", "–", "or"})
V = TypeVar("V")


class Figure(NamedTuple):
    """A figure of people: ``best`` (conservative, = ``low``), ``low``, ``high`` (None: open), ``exact``."""

    best: int
    low: int
    high: int | None
    exact: bool


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark of a sentence, with offsets into that sentence."""

    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantifier:
    """A row of ``quantifiers.tsv``: ``low`` None means the wording supports no figure."""

    words: tuple[str, ...]
    low: int | None
    high: int | None
    source: str


def tokenize(text: str) -> list[Token]:
    """Words (with inner hyphens and apostrophes), numbers ("1,200", "2.5") and single marks."""
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@cache
def quantifiers() -> dict[tuple[str, ...], Quantifier]:
    """The vague quantifier table, keyed by its lower-case words."""
    table: dict[tuple[str, ...], Quantifier] = {}
    rows = resources.files("thucydides.nlp").joinpath("quantifiers.tsv").read_text("utf-8").splitlines()
    for row in rows:
        if not row.strip() or row.startswith(("#", "phrase\t")):
            continue
        phrase, low, high, source, *_ = [*row.split("\t"), ""]
        words = tuple(phrase.lower().split())
        table[words] = Quantifier(words, int(low) if low else None, int(high) if high else None, source)
    return table


def parse_quantity(text: str) -> Figure | None:
    """The figure ``text`` states ("nearly a dozen" -> 9..11), or None when it states none."""
    tokens = tokenize(text)
    parsed = match_quantity(tokens, 0)
    if parsed is None:
        return None
    end, figure = parsed
    if end < len(tokens) and tokens[end].lower == "of":
        end += 1
    return figure if end == len(tokens) else None


def match_quantity(tokens: Sequence[Token], i: int) -> tuple[int, Figure] | None:
    """The figure starting at ``tokens[i]`` and the index just after it, or None."""
    if i >= len(tokens) or not _may_start(tokens[i].lower):
        return None
    rule, k = _longest(MODIFIERS, tokens, i) or (None, i)
    core = _core(tokens, k, between=rule == "between")
    if core is None and rule is not None:  # "some militants", "over the town": no modifier after all
        rule, core = None, _core(tokens, i, between=False)
    if core is None:
        return None
    j, low, high, exact = core
    if low is None:
        return None  # a recognised word with no figure ("most", "all"), or nothing
    if rule is None and j + 1 < len(tokens) and tokens[j].lower == "or":
        after = tokens[j + 1].lower
        rule, j = ("min", j + 2) if after == "more" else ("about", j + 2) if after == "so" else (None, j)
    if rule is None and j < len(tokens) and tokens[j].lower == "plus":
        rule, j = "min", j + 1
    if rule is None and j + 1 < len(tokens) and tokens[j].lower == "-" and tokens[j + 1].lower == "plus":
        rule, j = "min", j + 2
    low, high = _apply(rule, low, high)
    exact = exact and rule in (None, "same")
    return j, Figure(low, low, high, exact)


def _may_start(word: str) -> bool:
    """Whether a figure can start with ``word``: most words of a sentence are refused here, cheaply."""
    return word[0].isdecimal() or _is_number_word(word) or word in _first_words()


@cache
def _first_words() -> frozenset[str]:
    return frozenset(words[0] for words in (*MODIFIERS, *quantifiers()))


def _apply(rule: str | None, low: int, high: int | None) -> tuple[int, int | None]:
    point = high is not None and low == high
    if rule == "about" and point:
        return max(1, math.floor(0.85 * low)), math.ceil(1.15 * low)
    if rule == "nearly" and point:
        return max(1, math.floor(0.8 * low)), max(1, low - 1)
    if rule == "min":
        return low, None
    if rule == "more":
        return low + 1, None
    if rule == "max":
        return 1, high if high is not None else low
    if rule == "less":
        return 1, max(1, low - 1)
    return low, high


def _core(
    tokens: Sequence[Token], i: int, *, between: bool
) -> tuple[int, int | None, int | None, bool] | None:
    """(end, low, high, exact) of the bare figure at ``i``: a number, a range, or a vague word."""
    number = _number(tokens, i)
    if number is None:
        found = _longest(quantifiers(), tokens, i)
        if found is None:
            return None
        row, j = found
        return j, row.low, row.high, False
    j, value, exact = number
    if j + 1 < len(tokens) and (tokens[j].lower in _RANGE_WORDS or (between and tokens[j].lower == "and")):
        second = _number(tokens, j + 1)
        if second is not None and second[1] > value:
            return second[0], value, second[1], False
    if between:
        return None
    return j, value, value, exact


def _number(tokens: Sequence[Token], i: int) -> tuple[int, int, bool] | None:
    """(end, value, exact) of digits or number words at ``i``, times "dozen" if it follows."""
    if i >= len(tokens):
        return None
    text = tokens[i].lower
    if text[0].isdecimal():
        j, value = i + 1, float(text.replace(",", ""))
        if j < len(tokens) and tokens[j].lower in SCALES:
            value, j = value * SCALES[tokens[j].lower], j + 1
        if value != int(value):
            return None
        number: tuple[int, int] | None = (j, int(value))
    else:
        number = _number_words(tokens, i)
    if number is None:
        return None
    j, value = number
    if j < len(tokens) and tokens[j].lower == "dozen":
        return j + 1, 12 * value, False
    return j, value, True


def _number_words(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """(end, value) of "two hundred and fifty", "twenty-two", "a thousand" at ``i``."""
    total = current = 0
    j = i
    if (
        j + 1 < len(tokens)
        and tokens[j].lower in ("a", "one")
        and tokens[j + 1].lower in ("hundred", *SCALES)
    ):
        current, j = 1, j + 1
    seen = j > i
    while j < len(tokens):
        word = tokens[j].lower
        small = _small_number(word)
        if small is not None:
            tail = current % 100
            if tail and not (tail % 10 == 0 and tail >= 20 and small < 10):
                break  # "two two", "twenty thirty": two figures, not one
            current += small
        elif word == "hundred" and seen:
            current = max(current, 1) * 100
        elif word in SCALES and seen:
            total, current = total + max(current, 1) * SCALES[word], 0
        elif word == "and" and seen and j + 1 < len(tokens) and _is_number_word(tokens[j + 1].lower):
            if tokens[j - 1].lower not in ("hundred", *SCALES):
                break
        else:
            break
        seen, j = True, j + 1
    return (j, total + current) if seen else None


def _is_number_word(word: str) -> bool:
    return _small_number(word) is not None


def _small_number(word: str) -> int | None:
    """0..99 written as one word: "seven", "forty", "twenty-two"."""
    if word in UNITS or word in TENS:
        return UNITS.get(word, 0) + TENS.get(word, 0)
    tens, _, unit = word.partition("-")
    if tens in TENS and 0 < UNITS.get(unit, 0) < 10:
        return TENS[tens] + UNITS[unit]
    return None


def _longest(table: dict[tuple[str, ...], V], tokens: Sequence[Token], i: int) -> tuple[V, int] | None:
    """The entry of ``table`` whose words start at ``tokens[i]``, longest first, and its end."""
    for size in (4, 3, 2, 1):
        key = tuple(token.lower for token in tokens[i : i + size])
        if len(key) == size and key in table:
            return table[key], i + size
    return None
