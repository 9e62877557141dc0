"""The ACLED taxonomy, defined once: event types, their sub-event types, and the groups rules use."""

from __future__ import annotations

TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

EVENT_TYPE_OF: dict[str, str] = {sub: main for main, subs in TAXONOMY.items() for sub in subs}

# Sub-event types that change who holds a place (the control ledger reads these).
TERRITORIAL = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)

# One report telling one bombardment in several sentences names its means several ways ("the air
# strike", "the bombing", "the chlorine attack"). At one place and day, the most telling of these is
# the event; the rest are the same event (ACLED keeps one record per place, day and sub-event type,
# and codes violence against civilians by remote means as the remote sub-type).
REMOTE_PRECEDENCE: tuple[str, ...] = (
    "Chemical weapon",
    "Suicide bomb",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
)
FOLDS_INTO_REMOTE = frozenset({"Attack"})
