"""Figures of people killed, injured or captured: the ``quantities`` stage.

The tagger reads each sentence as a list of tokens (no parser needed) and
keeps a figure (``figures.match_quantity``) only when it counts people:

1. a people noun follows: "15 militants", "tens of ISIL terrorists",
   "dozens of its fighters", "scores of them", "dozens more";
2. or a casualty word follows at once: "leaving 4 dead and 10 wounded";
3. or a casualty word frames it: "several were wounded", "killing 5.",
   "capturing nearly a dozen", "the death toll rose to 30".

Its role comes from, in order: the verb after it ("15 militants were
killed", "tens of militants surrendered"); the verb just before it ("killed
15 militants", "killing scores of them"); a figure or casualty word it is
coordinated with ("killed 15 militants and 20 soldiers", "20 soldiers were
killed and 10 civilians."); the noun itself ("12 bodies"). "Killed or
wounded" together give the role ``other``: no fatality figure can be read.

The result is a ``Quantity`` whose mention covers the figure ("nearly a
dozen") with label ``role`` or ``role:noun`` ("killed:militants").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from thucydides.model import Document, Mention, MentionKind, Quantity, Sentence
from thucydides.nlp.figures import Figure, Token, match_quantity, parse_quantity, tokenize

__all__ = ["CAPTURED", "INJURED", "KILLED", "OTHER", "Figure", "QuantityTagger", "parse_quantity"]

KILLED, INJURED, CAPTURED, OTHER = "killed", "injured", "captured", "other"

PEOPLE_NOUNS = frozenset(
    {
        "people", "persons", "person", "individuals", "others", "civilians", "civilian", "residents",
        "resident", "villagers", "citizens", "men", "man", "women", "woman", "children", "child", "kids",
        "boys", "boy", "girls", "girl", "babies", "infants", "family", "relatives", "soldiers", "soldier",
        "troops", "servicemen", "serviceman", "personnel", "officers", "officer", "policemen",
        "policeman", "guards", "guard", "commanders", "commander", "leaders", "leader", "officials",
        "militants", "militant", "terrorists", "terrorist", "rebels", "rebel", "insurgents", "insurgent",
        "fighters", "fighter", "gunmen", "gunman", "jihadists", "jihadist", "extremists", "mercenaries",
        "militiamen", "militiaman", "paramilitaries", "combatants", "operatives", "elements", "members",
        "member", "recruits", "conscripts", "volunteers", "snipers", "attackers", "assailants", "bombers",
        "suspects", "suspect", "prisoners", "detainees", "hostages", "captives", "refugees", "migrants",
        "protesters", "demonstrators", "worshippers", "pilgrims", "passengers", "students", "workers",
        "journalists", "doctors", "medics", "nurses", "teachers", "farmers", "shepherds", "victims",
        "casualties", "bodies", "corpses", "fatalities", "deaths", "kurds", "turks", "arabs",
        "journalist", "doctor", "teacher", "student", "worker", "farmer", "shepherd", "medic", "nurse",
        "activist", "cleric", "pilot", "photographer", "reporter", "driver", "policewoman", "sniper",
        "baby", "infant", "owner", "owners", "shopkeeper", "shopkeepers", "merchant", "merchants",
        "trader", "traders", "imam", "engineer", "engineers", "lawyer", "lawyers", "photojournalist",
    }
)  # fmt: skip
# Nouns that count one person after "a"/"an": "a child was killed" reports one death.
SINGULAR_PEOPLE = frozenset(
    {
        "person", "civilian", "resident", "man", "woman", "child", "boy", "girl", "soldier", "officer",
        "policeman", "guard", "commander", "leader", "militant", "terrorist", "rebel", "insurgent",
        "fighter", "gunman", "jihadist", "member", "journalist", "doctor", "teacher", "student", "worker",
        "farmer", "shepherd", "medic", "nurse", "activist", "cleric", "pilot", "photographer", "reporter",
        "driver", "policewoman", "serviceman", "militiaman", "sniper", "suspect", "baby", "infant",
        "owner", "shopkeeper", "merchant", "trader", "imam", "engineer", "lawyer", "photojournalist",
    }
)  # fmt: skip
NOUN_ROLES = {"bodies": KILLED, "corpses": KILLED, "fatalities": KILLED, "deaths": KILLED}
CAPTIVE_NOUNS = frozenset({"prisoner", "prisoners", "captive", "captives", "hostage", "hostages"})
MODIFIER_WORDS = frozenset(
    {
        "armed", "foreign", "local", "innocent", "unarmed", "government", "opposition", "rebel", "enemy",
        "terrorist", "militant", "security", "army", "police", "military", "civilian", "young", "female",
        "male", "senior", "junior", "suspected", "alleged", "takfiri", "jihadi", "extremist", "insurgent",
        "regime", "loyalist", "allied", "fellow", "elite", "special", "wounded", "injured", "militia",
        "aid", "humanitarian", "medical", "relief", "media", "health", "rescue", "civil", "defence",
        "defense", "border", "tribal", "unidentified", "unknown", "masked", "shop", "store", "business",
    }
)  # fmt: skip
GROUP_MEMBERS = frozenset({"members", "member", "fighters", "elements", "militants", "soldiers", "troops"})
GROUP_NOUNS = frozenset({"group", "groups", "army", "militia", "movement", "front", "forces", "brigade"})
PRONOUNS = frozenset({"them", "whom", "us", "those", "these"})
DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "these", "those"})
# Words that may stand between a figure and the verb it is the subject of: "were reportedly killed".
AUXILIARIES = frozenset(
    {
        "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "got", "get", "also",
        "reportedly", "allegedly", "all", "both", "either", "later", "subsequently", "apparently",
        "reported", "said", "believed", "thought", "feared", "confirmed", "to",
    }
)  # fmt: skip
# Words after which a bare figure ("killing 5", "the toll rose to 30") may end.
TERMINATORS = frozenset(
    {
        ".", ",", ";", ":", "!", "?", ")", "’", "'", '"', "”", "and", "or", "in", "on", "at", "during",
        "while", "when", "as", "after", "before", "near", "including", "among", "across", "inside",
        "outside", "since", "following", "amid", "throughout", "within", "yesterday", "today", "last",
        "this", "earlier", "later", "overnight", "now", "so", "by", "with", "from", "according",
    }
)  # fmt: skip
LINKS = frozenset({"and", ",", "including", "plus", "among", "them", "as", "well"})
_ROLE_FORMS = {
    KILLED: "kill kills killed killing slain slew slaying execute executes executed executing massacre "
    "massacred massacring eliminate eliminated eliminating murder murdered murdering assassinated "
    "martyred lost losing dead died perished",
    INJURED: "wound wounds wounded wounding injure injures injured injuring hurt maim maimed maiming",
    CAPTURED: "capture captures captured capturing arrest arrests arrested arresting detain detains "
    "detained detaining abduct abducts abducted abducting kidnap kidnaps kidnapped kidnapping seize seizes "
    "seized seizing surrendered surrendering",
}
ROLE_WORDS = {word: role for role, words in _ROLE_FORMS.items() for word in words.split()}
# Casualty words that may follow a figure at once: "4 dead", "10 wounded".
ROLE_ADJECTIVES = {"dead": KILLED, "killed": KILLED, "wounded": INJURED, "injured": INJURED}
# Role words that never take a figure as object ("died"), and those that need more words after a figure.
INTRANSITIVE = frozenset({"dead", "died", "perished", "surrendered"})
_NEEDS_AFTER = {"lost": ("their", "lives")}
TAKE_VERBS = frozenset({"take", "takes", "took", "taken", "taking"})
# "the death toll (from the blast) has risen to 41": a word of this set just before the figure,
# "toll" a few words before it, and nothing between them that ends a clause.
TOLL_LEADS = frozenset(
    {"to", "at", "of", "reached", "hit", "is", "was", "stood", "stands", "topped", "passed"}
)
CLAUSE_ENDS = frozenset({".", ";", ":", ",", "while", "but", "and", "after", "when", "as"})
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ians|is)$")
_YEAR_CONTEXT = frozenset({"in", "since", "of", "during", "until", "till", "by", "from", "before", "after"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # token index of the figure
    end: int  # token index after the figure
    figure: Figure
    phrase_end: int  # token index after the people phrase (= end without one)
    noun: str | None
    people: bool  # a people noun, pronoun or "more" follows


class QuantityTagger:
    """Stage: ``Quantity`` records for figures that count people, with their role as label."""

    name = "quantities"
    requires: tuple[str, ...] = ("sentences",)
    assigns: tuple[str, ...] = ("quantities",)

    def __call__(self, doc: Document) -> Document:
        found = tuple(quantity for sentence in doc.sentences for quantity in tag_sentence(sentence))
        return replace(doc, quantities=found)


def tag_sentence(sentence: Sentence) -> list[Quantity]:
    """The figures of people in one sentence, with offsets into the document."""
    tokens = tokenize(sentence.text)
    candidates = _candidates(tokens)
    roles: dict[int, str] = {}
    quantities = []
    for candidate in candidates:
        role = _role(tokens, candidate, candidates, roles)
        if role is None:
            continue
        one_person = candidate.end == candidate.start + 1 and tokens[candidate.start].lower in ("a", "an")
        if one_person and (role == OTHER or _word(tokens, candidate.phrase_end) == ","):
            continue  # "a commander said", "the detention of an imam, killing two": no casualty of one
        roles[candidate.start] = role
        start, end = tokens[candidate.start].start, tokens[candidate.end - 1].end
        label = f"{role}:{candidate.noun}" if candidate.noun else role
        mention = Mention(
            kind=MentionKind.QUANTITY,
            start=sentence.start + start,
            end=sentence.start + end,
            text=sentence.text[start:end],
            sentence=sentence.index,
            label=label,
        )
        best, low, high, exact = candidate.figure
        quantities.append(Quantity(mention=mention, best=best, low=low, high=high, exact=exact))
    return quantities


def _candidates(tokens: Sequence[Token]) -> list[_Candidate]:
    candidates = []
    i = 0
    while i < len(tokens):
        parsed = match_quantity(tokens, i) or _one_person(tokens, i)
        if parsed is None:
            i += 1
            continue
        end, figure = parsed
        phrase_end, noun, people = _people(tokens, end)
        if (
            _word(tokens, i - 1) not in ("how", "no")
            and not _is_year(tokens, i, end, noun)
            and not _is_money(tokens, i, end)
        ):
            candidates.append(_Candidate(i, end, figure, phrase_end, noun, people))
        i = end
    return candidates


def _one_person(tokens: Sequence[Token], i: int) -> tuple[int, Figure] | None:
    """ "a woman was killed", "killing an aid worker": an article before a singular people noun is one."""
    if _word(tokens, i) not in ("a", "an"):
        return None
    _, noun, found = _people(tokens, i + 1)
    if not found or noun not in SINGULAR_PEOPLE:
        return None
    return i + 1, Figure(1, 1, 1, True)


def _people(tokens: Sequence[Token], k: int) -> tuple[int, str | None, bool]:
    """(end, noun, found) of what a figure ending at ``k`` counts: "of its fighters", "more"."""
    start = k
    of = _word(tokens, k) == "of"
    if of:
        k += 1
        if _word(tokens, k) in PRONOUNS:
            return k + 1, None, True
        if _word(tokens, k) in DETERMINERS:
            k += 1
    more = _word(tokens, k) in ("more", "other", "additional", "further")
    if more:
        k += 1
    for n in range(k, min(k + 5, len(tokens))):
        token = tokens[n]
        if token.lower in MODIFIER_WORDS and _word(tokens, n + 1) in PEOPLE_NOUNS:
            continue  # "rebel commanders", "militia members": the noun is the last word
        if token.lower in PEOPLE_NOUNS or _NATIONALITY.match(token.text):
            return _of_group(tokens, n + 1), token.lower, True
        if not _is_modifier(token):
            break
    if more and not of:  # "dozens more were injured"
        return start + 1, None, True
    return start, None, False


def _of_group(tokens: Sequence[Token], k: int) -> int:
    """The end of "of the group", "of ISIL" after "members", "fighters"..., else ``k``."""
    if _word(tokens, k) != "of" or _word(tokens, k - 1) not in GROUP_MEMBERS:
        return k
    n = k + 1 + (_word(tokens, k + 1) in DETERMINERS)
    end = n
    while end < min(n + 4, len(tokens)) and (_is_modifier(tokens[end]) or tokens[end].lower in GROUP_NOUNS):
        end += 1
    return end if end > n else k


def _role(
    tokens: Sequence[Token], candidate: _Candidate, candidates: Sequence[_Candidate], roles: dict[int, str]
) -> str | None:
    """The role of a candidate figure, or None when it does not count people."""
    after = _word(tokens, candidate.end)
    if not candidate.people and after in ROLE_ADJECTIVES:
        return _pair(tokens, candidate.end, ROLE_ADJECTIVES[after], forward=True)
    post = _after_role(tokens, candidate, candidate.phrase_end)
    if post is not None:
        return post
    ends_here = _word(tokens, candidate.phrase_end) in TERMINATORS or candidate.phrase_end >= len(tokens)
    pre = _before_role(tokens, candidate.start, candidate.phrase_end)
    if pre is not None and (candidate.people or ends_here):
        return pre
    post = _after_role(tokens, candidate, _skip_coordinated(tokens, candidate.phrase_end, candidates))
    if post is not None:
        return post
    if ends_here and _word(tokens, candidate.start - 1) in LINKS:
        chained = _chained_role(tokens, candidate.start, candidates, roles)
        if chained is not None:
            return chained
    if candidate.people:
        return NOUN_ROLES.get(candidate.noun or "", OTHER)
    return None


def _skip_coordinated(tokens: Sequence[Token], k: int, candidates: Sequence[_Candidate]) -> int:
    """The end of the figures coordinated with one ending at ``k``: "15 militants[ and 3 others]"."""
    by_start = {c.start: c for c in candidates}
    while _word(tokens, k) in LINKS and (k + 1 in by_start or k + 2 in by_start):
        k = by_start[k + 1 if k + 1 in by_start else k + 2].phrase_end
    return k


def _after_role(tokens: Sequence[Token], candidate: _Candidate, k: int) -> str | None:
    """The casualty verb at ``k`` that a figure is the subject of: "15 militants were killed"."""
    if _word(tokens, k) == ",":
        k += 1
    skipped = 0
    while _word(tokens, k) in AUXILIARIES and skipped < 6:
        k, skipped = k + 1, skipped + 1
    if not candidate.people and skipped == 0:
        return None  # "5 killed" is read as an adjective; a bare "5 were" needs its verb
    word = _word(tokens, k)
    if word == "taken" and _word(tokens, k + 1) in CAPTIVE_NOUNS:
        return CAPTURED
    if word == "shot" and _word(tokens, k + 1) == "dead":
        return KILLED
    if word in ("gave", "handed", "turned") and _word(tokens, k + 1) == "themselves":
        return CAPTURED
    needed = _NEEDS_AFTER.get(word)
    if needed and tuple(_word(tokens, k + 1 + n) for n in range(len(needed))) != needed:
        return None
    if word in ROLE_WORDS:
        return _pair(tokens, k, ROLE_WORDS[word], forward=True)
    return None


def _before_role(tokens: Sequence[Token], i: int, phrase_end: int) -> str | None:
    """The casualty verb right before a figure: "killed 15", "the death toll rose to 30"."""
    word = _word(tokens, i - 1)
    if word in TAKE_VERBS:
        captive = _word(tokens, phrase_end - 1) in CAPTIVE_NOUNS or _word(tokens, phrase_end) in CAPTIVE_NOUNS
        return CAPTURED if captive else None
    if word in ROLE_WORDS and word not in INTRANSITIVE:
        return _pair(tokens, i - 1, ROLE_WORDS[word], forward=False)
    if word == "dead" and _word(tokens, i - 2) == "shot":
        return KILLED  # "shot dead a shop owner"
    if word == "of" and _word(tokens, i - 2) in ("lives", "deaths", "death", "bodies", "corpses"):
        return KILLED
    if word in TOLL_LEADS:
        for k in range(i - 2, max(i - 10, -1), -1):
            if tokens[k].lower == "toll":
                return KILLED
            if tokens[k].lower in CLAUSE_ENDS:
                break
    return None


def _chained_role(
    tokens: Sequence[Token], i: int, candidates: Sequence[_Candidate], roles: dict[int, str]
) -> str | None:
    """The role of what a figure is coordinated with: "killed 15 militants and 20 soldiers"."""
    k = i - 1
    while k >= 0 and tokens[k].lower in LINKS:
        k -= 1
    for candidate in candidates:
        if candidate.phrase_end == k + 1 and candidate.start in roles:
            return roles[candidate.start]
    return ROLE_WORDS.get(_word(tokens, k))


def _pair(tokens: Sequence[Token], k: int, role: str, *, forward: bool) -> str:
    """``other`` for "killed or wounded", "killing and wounding": no single role can be read."""
    step = 1 if forward else -1
    if _word(tokens, k + step) in ("or", "and", "/"):
        other = ROLE_WORDS.get(_word(tokens, k + 2 * step))
        if other is not None and other != role:
            return OTHER
    return role


def _is_modifier(token: Token) -> bool:
    text = token.text
    return text[:1].isalpha() and (
        text[0].isupper()
        or "-" in text
        or token.lower in MODIFIER_WORDS
        or token.lower.endswith(("'s", "’s"))
    )


def _is_year(tokens: Sequence[Token], i: int, end: int, noun: str | None) -> bool:
    """ "2016" is a year unless a people noun follows and no "in", "since"... comes before."""
    text = tokens[i].text
    year = end == i + 1 and len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2099
    return year and (noun is None or _word(tokens, i - 1) in _YEAR_CONTEXT)


def _is_money(tokens: Sequence[Token], i: int, end: int) -> bool:
    return _word(tokens, i - 1) in ("$", "£", "€", "us$") or _word(tokens, end) in ("%", "percent", "per")


def _word(tokens: Sequence[Token], k: int) -> str:
    return tokens[k].lower if 0 <= k < len(tokens) else ""
