"""Name keys: one spelling-independent key per place name, so variants of one name meet.

Arabic names reach English text through a dozen romanisation habits (French,
English, ALA-LC, journalists' ad-hoc spellings): Deir ez-Zor, Dayr az Zawr,
Deir Ezzur; Dar'a, Daraa, Deraa; Sheikh Saeed, Ash Shaykh Sa'id. ``name_key``
maps all of them to one key by an ordered list of rules, each small and tested
on its own (``tests/gazetteer/test_gazetteer_normalize.py``):

1. ``fold``      NFKD, strip diacritics, casefold, special letters (ı ø ł ß æ œ ħ đ).
2. ``marks``     drop ʿayn/hamza marks and apostrophes (’ ' ʿ ʾ ` ‘ ´).
3. ``separators`` hyphens, dots, commas, brackets, slashes become spaces.
4. ``articles``  drop Arabic articles written as their own token (al, el, as, ash,
                 az, ad, adh, at, ath, ar, an, es, esh, ez, ed, et, er, en), also
                 inside a name (Bustan al-Qasr), never the last token; and the
                 glued sun-letter form inside a name (Deir Ezzur -> Deir Zur).
5. ``endings``   -iyeh/-iyah/-iyya/-ieh/-iye... -> -iya; final -eh/-ah -> -a
                 (the ta marbuta is written -a, -ah, -eh, -e).
6. ``consonants`` q -> k, dh -> z, ch -> sh, dj -> j, ph -> f, ck -> k; doubled
                 letters written once (Raqqa = Raqa).
7. ``vowels``    vowel quality is not written consistently: a, e, i and y (as a
                 vowel or the end of a diphthong: ay, ei) fold to ``a``; o, u
                 and w (ou, oo, aw) to ``u``; a run of vowels counts once; u/i
                 before the glide they spell out go (Suwayda = Sweida).
8. ``generic``   generic words take one form: Sheikh/Shaykh/Shaikh, Deir/Dayr/Dair,
                 Tal/Tell/Tel, Jabal/Jebel, Kafr/Kfar, Khirbat/Kherba/Khirbet,
                 Ain/Ayn/Ein, Abu/Abou; airport/air base/airbase/airfield.

Arabic-script names get their own key (``arabic_key``): tashkeel and tatweel
stripped, alef/ya/ta marbuta/hamza carriers normalised, the article ال dropped
from each word. ``name_key`` picks the right one by script.

A key is for *finding* candidates; it is deliberately coarse (Arak and Iraq
share one). Ranking candidates compares the names themselves.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "KeyMemo",
    "arabic_key",
    "fold",
    "is_arabic",
    "latin_key",
    "name_key",
    "name_keys",
    "script_ok",
]

# -- 1. fold ---------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "ł": "l",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ŧ": "t",
        "ŋ": "n",
        "ə": "a",
    }
)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Rule 1: NFKD, no combining marks, casefolded, special letters spelled in ASCII."""
    if text.isascii():
        return text.lower()
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return stripped.casefold().translate(_SPECIAL_LETTERS)


def plain_name(name: str) -> str:
    """A gazetteer name as users read it in English text: case kept, diacritics dropped, ʿayn and
    hamza written as an apostrophe ("Ḩarastā" -> "Harasta", "Ash Shaykh Sa‘d" -> "Ash Shaykh Sa'd").
    Names in other scripts are kept as they are."""
    if name.isascii() or is_arabic(name):
        return name
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", name))
    plain = "".join(_PLAIN_LETTERS.get(char, char) for char in stripped)
    return plain if plain.isascii() else name


_PLAIN_LETTERS = {
    **dict.fromkeys("’ʿʾ`‘´ʼ′ʻ", "'"),
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H", "þ": "th", "ð": "d",
}  # fmt: skip


# -- 2. marks, 3. separators -----------------------------------------------

# ʿayn and hamza are written ’ ' ʿ ʾ ` ‘ ´ ʼ ′ or not at all.
_MARKS = "’'ʿʾ`‘´ʼ′ʻ"
_SEPARATOR_CHARS = '-‐‑‒–—_.,;:()[]/\\"“”«»!?&+'
_MARKS_AND_SEPARATORS = str.maketrans({**dict.fromkeys(_MARKS), **dict.fromkeys(_SEPARATOR_CHARS, " ")})


def _tokens(folded: str) -> list[str]:
    """Rules 2 and 3: marks dropped, separators split."""
    return folded.translate(_MARKS_AND_SEPARATORS).split()


# -- 4. articles --------------------------------------------------------------

ARTICLES = frozenset(
    {"al", "el", "il", "ul", "as", "ash", "az", "ad", "adh", "at", "ath", "ar", "an", "es", "esh", "ez"}
    | {"ed", "et", "er", "en", "ech", "edh", "eth"}
)
# "Ezzur", "Azzawiya": the article glued to a doubled sun letter.
_GLUED_ARTICLE = re.compile(r"^[ae](?:l-?)?(t|th|d|dh|r|z|s|sh|n|l)\1(?=[a-z]{2})")


def _drop_articles(tokens: list[str]) -> list[str]:
    """Rule 4: articles as tokens (never the last token), and glued inside a name."""
    kept: list[str] = []
    for position, token in enumerate(tokens):
        if token in ARTICLES and position < len(tokens) - 1:
            continue
        if position > 0 and token[0] in "ae" and (glued := _GLUED_ARTICLE.match(token)):
            token = token[glued.end() - len(glued.group(1)) :]
        kept.append(token)
    return kept


# -- 5. endings -----------------------------------------------------------------

_NISBA_ENDINGS = tuple(
    sorted((a + b for a in ("iyy", "iy", "i") for b in ("ah", "eh", "a", "e")), key=len, reverse=True)
)


def _ending(token: str) -> str:
    """Rule 5: -iyeh/-iyah/-ieh... -> -iya; a final h after a vowel (-ah, -eh) goes."""
    if len(token) < 4:
        return token
    if token.endswith(_NISBA_ENDINGS):
        ending = next(e for e in _NISBA_ENDINGS if token.endswith(e))
        return token[: -len(ending)] + "iya"
    if token[-1] == "h" and token[-2] in "aeiou":
        return token[:-1]
    return token


# -- 6. consonants ----------------------------------------------------------------

_CONSONANTS = (
    (re.compile(r"dh"), "z"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
)
_DOUBLED = re.compile(r"([a-z])\1+")


def _consonants(text: str) -> str:
    """Rule 6: q/k, dh/z, ch/sh, dj/j, ph/f, ck/k; doubled letters once."""
    for pattern, replacement in _CONSONANTS:
        if pattern.pattern in text:
            text = pattern.sub(replacement, text)
    return _DOUBLED.sub(r"\1", text.replace("q", "k"))


# -- 7. vowels --------------------------------------------------------------------

_GLIDE_AFTER_VOWEL = re.compile(r"(?<=[aeiou])([wy])(?![aeiou])")
_U_BEFORE_W = re.compile(r"u(?=w[aeiou])")
_I_BEFORE_Y = re.compile(r"i(?=y[aeiou])")
_Y_AS_VOWEL = re.compile(r"(?<=[b-df-hj-np-tv-xz])y(?![aeiou])")
_VOWEL_CLASSES = str.maketrans("eio", "aau")
_U_RUN = re.compile(r"a*u[au]*")
_A_RUN = re.compile(r"aa+")


def _glide(match: re.Match[str]) -> str:
    return "u" if match.group(1) == "w" else "i"


def _vowels(text: str) -> str:
    """Rule 7: vowels fold to two classes, a (a e i y) and u (o u w)."""
    if "w" in text or "y" in text:
        text = _U_BEFORE_W.sub("", text)
        text = _I_BEFORE_Y.sub("", text)
        text = _GLIDE_AFTER_VOWEL.sub(_glide, text)
        text = _Y_AS_VOWEL.sub("i", text)
    text = text.translate(_VOWEL_CLASSES)
    return _A_RUN.sub("a", _U_RUN.sub("u", text))


@lru_cache(maxsize=500_000)
def _fold_token(token: str) -> str:
    """Rules 5-7 on one token. Names share most of their words, so each word is folded once."""
    return _vowels(_consonants(_ending(token)))


def _fold_tokens(tokens: list[str]) -> list[str]:
    """Rules 5-7 on each token."""
    return [_fold_token(token) for token in tokens]


# -- 8. generic words -------------------------------------------------------------

_GENERIC_VARIANTS: dict[str, tuple[str, ...]] = {
    "shaykh": ("sheikh", "shaykh", "shaikh", "sheik", "shaik", "cheikh", "chaikh", "sheykh", "shekh"),
    "dayr": ("deir", "dayr", "dair", "deyr", "der", "dyr"),
    "tal": ("tal", "tall", "tell", "tel", "til"),
    "jabal": ("jabal", "jebel", "jabel", "jbel", "djebel", "jebal", "jabl"),
    "kafr": ("kafr", "kfar", "kafar", "kefr", "kfr", "kufr"),
    "khirba": ("khirbat", "khirbet", "kherba", "khirba", "khirbeh", "kherbet", "khrbet", "khirbit"),
    "ayn": ("ain", "ayn", "ein", "aine", "ayin"),
    "abu": ("abu", "abou", "abo"),
    "umm": ("umm", "um", "omm"),
    "bayt": ("beit", "bayt", "bait", "beyt"),
    "wadi": ("wadi", "ouadi", "wady"),
    "airport": ("airport", "airbase", "airfield", "aerodrome", "intl"),
}
# Multi-word forms of the same generic words, replaced before tokenising.
_GENERIC_PHRASES = re.compile(
    r"\b(?:international\s+airport|military\s+airport|air\s+base|air\s+field|air\s+port)\b"
)


def _generic_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, variants in _GENERIC_VARIANTS.items():
        for variant in variants:
            table[_fold_tokens([variant])[0]] = canonical
    return table


_GENERIC = _generic_table()


# -- the keys ---------------------------------------------------------------------

_ARABIC_CHARS = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")


def is_arabic(name: str) -> bool:
    """Whether a name is written in Arabic script (any Arabic letter in it)."""
    return _ARABIC_CHARS.search(name) is not None


def script_ok(name: str) -> bool:
    """Whether a name is in a script the gazetteer indexes: Latin (after folding) or Arabic."""
    if name.isascii():
        return any(ch.isalpha() for ch in name)
    if is_arabic(name):
        return True
    folded = fold(name)
    letters = [ch for ch in folded if ch.isalpha()]
    return bool(letters) and all("a" <= ch <= "z" for ch in letters)


@lru_cache(maxsize=16_384)
def latin_key(name: str) -> str:
    """The key of a Latin-script name (rules 1-8)."""
    return _latin_key(name)


# "Salahuddin", "Nureddin": the article of "ad-Din" glued into one word ("Salah ad-Din").
_GLUED_DIN = re.compile(r"(?<=[a-z]{3})[uaei]d-?din(?:e)?\b")


def _latin_key(name: str) -> str:
    folded = _GLUED_DIN.sub(" ad-din", fold(name))
    if "air" in folded or "port" in folded:
        folded = _GENERIC_PHRASES.sub(" airport ", folded)
    tokens = _drop_articles(_tokens(folded))
    return " ".join(_GENERIC.get(token, token) for token in map(_fold_token, tokens))


_TASHKEEL = re.compile(r"[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ک": "ك",
        "ڪ": "ك",
        "ۀ": "ه",
        "ہ": "ه",
        "ء": "",
    }
)
_ARABIC_SEPARATORS = re.compile(r"[\s\-_.,،؛:()\[\]/\"'«»]+")


@lru_cache(maxsize=65_536)
def arabic_key(name: str) -> str:
    """The key of an Arabic-script name: no tashkeel, normalised letters, no article ال."""
    text = _TASHKEEL.sub("", unicodedata.normalize("NFKC", name)).translate(_ARABIC_LETTERS)
    words = []
    for word in _ARABIC_SEPARATORS.split(text):
        if not word:
            continue
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return " ".join(words)


def name_key(name: str) -> str:
    """The spelling-independent key of a place name (Latin or Arabic script)."""
    return arabic_key(name) if is_arabic(name) else latin_key(name)


class KeyMemo(dict[str, str]):
    """``name_key`` remembered per name, for a build that keys a million names, many twice."""

    def __missing__(self, name: str) -> str:
        key = self[name] = arabic_key(name) if is_arabic(name) else _latin_key(name)
        return key


def name_keys(name: str) -> set[str]:
    """The key of a name and the key of its literal reading, for lookups.

    The literal reading keeps articles and generic words as written (rules 4
    and 8 skipped): "Bab al-Hawa" is also "bab al hawa", and a glued "Assad"
    stays a word of its own instead of becoming al-Sad.
    """
    keys = {name_key(name)}
    if not is_arabic(name):
        literal = " ".join(_fold_tokens(_tokens(fold(name))))
        keys.add(literal)
    keys.discard("")
    return keys
