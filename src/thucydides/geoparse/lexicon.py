"""Words the geoparser treats specially: never a place alone, cues for a place, directions, titles.

Every list is general English or general Arabic-toponym vocabulary; none is
tuned to one report. Entries are lowercase; matching is case-insensitive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from thucydides.nlp.lexicon import DIRECTION


def words_of(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


# Capitalised words that are also the name of some town somewhere (Most, Of,
# Army...), but in news text are nearly always the English word.
_CALENDAR = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
muharram safar rajab shaban ramadan shawwal
"""
_FUNCTION_WORDS = """
a an the of in on at to by for from with into onto as and or but nor not no so yet also
this that these those it its he she they we you i his her their our your him them us me
there here then since after before during while when where who whom whose what which why how
all any both each every either neither some most many much more less few several other others
such same only just even still already now today yesterday tomorrow tonight earlier later
meantime meanwhile however moreover furthermore besides although though according
some one two three four five six seven eight nine ten first second third last next
mr mrs ms dr sir lord madam
"""
_NEWS_WORDS = """
army navy air force forces police guard guards troops militia militias brigade brigades division
battalion regiment corps unit units ministry council committee union coalition front movement party
group groups agency news press times post daily weekly report reports source sources field official
officials government regime state republic kingdom emirate caliphate authority authorities
operation operations battle war peace victory liberty independence liberation freedom unity hope
road street square bridge base camp city town village province district region area country
mountain mountains hill hills valley river lake sea gulf island desert plain border
north south east west northern southern eastern western central upper lower greater middle
new old great big little grand high low
president minister king queen prince princess emir sultan general colonel commander chief captain
major lieutenant sergeant sheikh shaykh imam mufti pope bishop patriarch ayatollah mullah
spokesman spokeswoman ambassador envoy governor mayor senator secretary director leader
related latest developments home reply leave articles article photo video update breaking
free national democratic popular united federal royal supreme revolutionary people peoples security
assembly parliament congress court office house bank white black red green blue
observatory institute foundation society association organization organisation network
directorate coordination research center centre media agency commission tribunal
"""
# Armed groups, the Arabic words their names are made of (Liwa "brigade", Jaish
# "army", Jabhat "front", Harakat "movement"...), peoples and faiths: also
# village names somewhere, but not places in a report.
_GROUPS = """
qaeda qaida isil isis daesh nusra hezbollah hizbollah hamas taliban houthi houthis huthi peshmerga
sdf ypg ypj pkk fsa ndf saa idf irgc
liwa jaish jabhat harakat kataib katibat saraya ahrar ansar jund junud tahrir hayat fateh fatah nujaba
arab arabs arabic kurd kurds kurdish turkmen persian druze alawite alawites sunni sunnis shia shiite
shiites christian christians muslim muslims islam islamic jihadi jihadis jihadist jihadists western westerners
islamist islamists protestant protestants catholic catholics orthodox jewish jews hindu hindus
buddhist buddhists sikh sikhs evangelical
"""
# Arabic nouns that head an armed group's name ("army", "brigade", "front", "corps", "battalions",
# "movement", "division", "supporters", "soldiers", "revolutionaries"), in common spellings.
GROUP_NOUNS = words_of(
    """
    jaish jaysh jaych jeish liwa liwaa alwiya alwiyat jabhat jabha harakat haraka kataib katibat
    saraya faylaq failaq feilaq firqat firqa hayat hayaat jund junud ansar ahrar thuwar fatah fateh
    tajammu tajamu
    """
)
# Generic toponym words that head a name (Tal X, Jabal X, Khirbat X, Hawsh X). A run
# that starts with one is one name: the gazetteer must know all of it, or it is unknown.
GENERIC_HEADS = words_of(
    """
    tal tall tell tel jabal jebel jabel jbel mount wadi khirbat khirbet kherba khirba ain ayn ein
    bir ras deir dayr dair kafr kfar hay hayy harat hawsh housh bab bayt beit qaryat mazraat mazraa
    jisr qalaat qalat burj
    """
)
# Of those, the ones that are no place name alone ("Tal", "Bab"), though they are
# with an article ("al-Tal", "al-Bab").
LONE_HEADS = GENERIC_HEADS - {"mount", "jisr", "burj"}

STOP_WORDS = words_of(_CALENDAR + _FUNCTION_WORDS + _NEWS_WORDS + _GROUPS) | LONE_HEADS
# Words capitalised only because they begin a sentence or a date: no part of a name beside them.
FUNCTION_WORDS = words_of(_CALENDAR + _FUNCTION_WORDS)
# Endings of nationality adjectives: Syri-an, Iraq-i, Leban-ese, Turk-ish, Palestin-ian.
DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ic", "s")
# Nationality adjectives the rule above does not derive from a country's name.
IRREGULAR_DEMONYMS = words_of(
    """
    french dutch swiss greek spanish english welsh scottish irish danish swedish finnish polish czech
    thai filipino serb serbs croat croats turk turks afghan afghans jew jews jewish european europeans
    asian asians african africans arab arabs
    """
)


class Demonyms:
    """Nationality adjectives of a set of countries: "Syrian", "Iraqi", "Lebanese", "Turkish".

    A word is one when it is not itself a country name and, less a nationality
    ending, is the start (4 letters or more) of a word of a country's name.
    """

    def __init__(self, countries: Iterable[tuple[str, str]]) -> None:
        """``countries``: (country code, one of its names) pairs."""
        pairs = [(code, name.lower()) for code, name in countries]
        self.names = frozenset(name for _, name in pairs)
        self.stems: dict[str, str] = {}
        for code, name in pairs:
            for word in name.split():
                for cut in range(4, len(word) + 1):
                    self.stems.setdefault(word[:cut], code)

    def country(self, word: str) -> str | None:
        """The country code the adjective stands for; None when the word is not a nationality adjective."""
        lower = word.lower()
        if lower in self.names:
            return None
        for ending in DEMONYM_ENDINGS:
            if lower.endswith(ending) and len(lower) - len(ending) >= 4:
                code = self.stems.get(lower[: -len(ending)])
                if code is not None:
                    return code
        return None

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        return word.lower() in IRREGULAR_DEMONYMS or self.country(word) is not None


# Lowercase particles of personal names: "de Klerk", "van Gogh", "bin Laden".
NAME_PARTICLES = words_of("de van von bin ibn")

# Words of address or office: the capitalised name after them is a person.
# (Not "Sheikh": it heads as many place names as personal ones.)
TITLES = words_of(
    """
    president minister king queen prince princess emir sultan general gen colonel col commander
    chief captain capt major maj lieutenant lt sergeant sgt imam mufti pope bishop patriarch
    ayatollah mullah spokesman spokeswoman ambassador envoy governor mayor senator secretary
    director leader mr mrs ms dr sir lord brother sister father
    """
)

# Arabic articles written before a name (al-Sukhnah, ash-Shaddadi, Al Bab).
ARTICLES = words_of(
    """
    al el as ash az ad adh at ath ar an es esh ez ed et er en
    """
)

FEATURE_ANY = frozenset(
    {"country", "admin1", "admin2", "city", "town", "village", "neighbourhood", "site", "region"}
)
_CUES: dict[str, frozenset[str]] = {
    # "region" and "area" vouch for a place but are used of anything ("Huwaisis region").
    "region": FEATURE_ANY,
    "area": FEATURE_ANY,
    "province": frozenset({"admin1"}),
    "governorate": frozenset({"admin1"}),
    "state": frozenset({"admin1"}),
    "district": frozenset({"neighbourhood", "admin2", "region"}),
    "neighbourhood": frozenset({"neighbourhood"}),
    "neighborhood": frozenset({"neighbourhood"}),
    "quarter": frozenset({"neighbourhood"}),
    "suburb": frozenset({"neighbourhood", "town", "village"}),
    "city": frozenset({"city", "town"}),
    "town": frozenset({"town", "village", "city"}),
    "village": frozenset({"village", "town"}),
    "countryside": frozenset({"admin1", "city", "town"}),
    "airbase": frozenset({"site"}),
    "airport": frozenset({"site"}),
    "airfield": frozenset({"site"}),
    "base": frozenset({"site"}),
    "field": frozenset({"site"}),
    "camp": frozenset({"site", "neighbourhood"}),
    "mountain": frozenset({"site", "region"}),
    "hill": frozenset({"site"}),
    "dam": frozenset({"site"}),
    "crossing": frozenset({"site"}),
    # Roads and bridges: where an ambush or a roadside bomb happens ("the Al-Sabura road").
    "road": frozenset({"site"}),
    "highway": frozenset({"site"}),
    "bridge": frozenset({"site"}),
    "roundabout": frozenset({"site"}),
}
_PLURALS = {"city": "cities", "countryside": "countrysides"}
# Words that say what kind of place the name before them (or after "the ... of")
# is, and the features they point to; plurals as in "al-Qantou and al-Houla towns".
FEATURE_CUES: dict[str, frozenset[str]] = {
    **_CUES,
    **{_PLURALS.get(word, word + "s"): features for word, features in _CUES.items()},
}
# Cue words that name a site of their own ("Arak gas field" is not the village of Arak).
SITE_CUES = frozenset(
    {"airbase", "airport", "airfield", "base", "field", "dam", "crossing", "hill", "road", "highway"}
    | {"airbases", "airports", "airfields", "bases", "fields", "dams", "crossings", "hills", "roads"}
    | {"bridge", "bridges"}
)
# Words after a name made of two places' names that make it a route between them ("the Homs-Palmyra
# road"): neither end is where something on the route happened.
ROUTE_WORDS = r"(?:road|highway|motorway|route|railway|pipeline|axis)"
# "the town of X", "the province of X".
CUE_OF = re.compile(
    r"\b(?:the\s+)?(?:\w+\s+)?(provinces?|governorates?|districts?|neighbou?rhoods?|city|cities|towns?|"
    r"villages?|regions?|suburbs?|areas?|countryside|outskirts)\s+of\s+[‘ʿ']?$",
    re.IGNORECASE,
)
# What a side takes, storms or enters is a place ("took control of Shayr Al-Nimr, Majbal Abu ‘Ali and
# Naourah", "has entered Zabdeen"): the cue "taken" vouches for the names after these words. Not
# "captured" or "seized": people and weapons are captured and seized too.
TAKEN = "taken"
TAKEN_BEFORE = re.compile(
    r"\b(?:(?:took|taken|taking|seized|seizing|regained|regaining|wrested|gained|gaining)\s+"
    r"(?:full\s+|complete\s+|back\s+)?control\s+(?:of|over)|liberat(?:ed|ing)|stormed|storming|"
    r"entered|entering|overran|overrunning|retook|retaking|recaptured|recapturing)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A name after one of these (and capitalised) is taken for a place even when the
# gazetteer does not know it.
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "towards", "toward"})

# Directions, parts and nearness before a name: "East of Tadmur", "Eastern Homs",
# "the Northern parts of Quneitra", "near Tadmur", "the outskirts of Aleppo".
_DIRECTION = DIRECTION
RELATIVE_BEFORE = re.compile(
    r"(?:"
    rf"(?:the\s+)?(?:{_DIRECTION}(?:ern)?\s+)+(?:and\s+{_DIRECTION}(?:ern)?\s+)?"
    r"(?:parts?|side|sides|edges?|rims?|outskirts|countryside|suburbs?|areas?|fringes?|vicinity)\s+of\s+|"
    rf"{_DIRECTION}\s+of\s+|"
    rf"{_DIRECTION}ern\s+|central\s+|"
    r"(?:the\s+)?(?:parts?|outskirts|countryside|suburbs|vicinity|environs|edge|edges|fringes)\s+of\s+|"
    r"near\s+(?:to\s+)?|nearby\s+|close\s+to\s+|around\s+|outside\s+(?:of\s+)?|"
    r"(?:kilometers|kilometres|km|miles)\s+(?:\w+\s+)?(?:of|from)\s+"
    r")(?:the\s+)?$",
    re.IGNORECASE,
)
RELATIVE_AFTER = re.compile(r"^\s*(countryside|outskirts|suburbs|environs|surroundings)\b", re.IGNORECASE)

# Head words of an institution's name that may begin with a place: "the Damascus Police Command",
# "the Aleppo Media Center", "Homs Provincial Council". Sites (airport, prison, hospital,
# university) are left out: something can happen at them.
ORGANISATION_HEADS = words_of(
    """
    police command council committee ministry directorate media news agency network observatory
    office coordination court company corporation bank club institute foundation society
    association organization organisation chamber radio tv television times post herald tribune
    center centre research
    """
)

# Heads of a site's or a gathering's name that begins with the place it is at: "the Notting Hill
# Carnival", "Damascus University", "the Aleppo Central Prison". The place inside is where the
# site is, not part of an organisation's name.
SITE_HEADS = words_of(
    """
    carnival festival market bazaar souk mall mosque church cathedral shrine hospital clinic school
    university college stadium station prison square park hotel airport port harbour harbor
    """
)

# The last word of a site's own name ("the Kindi Hospital", "the Al-Malaah Farms", "Tiger Hill"):
# a capitalised name the gazetteer does not know, ended by one of these, is one site (``find.py``).
SITE_NAME_HEADS = (
    (SITE_HEADS - {"carnival", "festival"})
    | SITE_CUES
    | words_of(
        """
        airbase airfield camp farm farms orchard orchards hills mountain mountains street avenue
        roundabout clinic mall factory plant refinery barracks checkpoint cemetery tower towers
        """
    )
)
# Words between a site's name and its head ("Hayyan Gas Fields", "the T-4 Military Airport").
SITE_QUALIFIERS = words_of(
    """
    gas oil military air power refugee refugees international national central general main
    """
)
