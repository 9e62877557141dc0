"""Filter values that can match nothing are refused with the nearest valid ones."""

from __future__ import annotations

import pytest

from thucydides.errors import ConfigError
from thucydides.store import EventFilter, IncidentFilter
from thucydides.store.values import check_country, check_filter, check_type, nearest


def test_nearest_ignores_case_and_puts_the_closest_first() -> None:
    assert nearest("air strike", ["Battles", "Air/drone strike", "Grenade"])[0] == "Air/drone strike"
    assert nearest("syra", ["Iraq", "Syria", "Lebanon"], limit=1) == ["Syria"]


def test_every_taxonomy_type_passes_in_any_case() -> None:
    for value in ("Battles", "battles", "AIR/DRONE STRIKE", "Shelling/artillery/missile attack", None):
        check_type(value)


def test_a_type_outside_the_taxonomy_is_refused_with_the_nearest() -> None:
    with pytest.raises(ConfigError) as refused:
        check_type("Air strike")
    message = str(refused.value)
    assert message.startswith("Type 'Air strike' is no ACLED event or sub-event type")
    assert "Nearest: 'Air/drone strike'" in message and "--type" in message
    assert "'Battles'" in message  # the event types are listed


def test_a_country_the_store_does_not_hold_is_refused_with_the_nearest() -> None:
    check_country("syria", ["Iraq", "Syria"])
    check_country("Narnia", [])  # an empty store has no answer to refuse
    with pytest.raises(ConfigError) as refused:
        check_country("Syrai", ["Iraq", "Lebanon", "Syria"])
    assert "Nearest: 'Syria'" in str(refused.value)
    assert "The store's countries: Iraq, Lebanon, Syria." in str(refused.value)


def test_check_filter_reads_both_filters() -> None:
    check_filter(EventFilter(type="Battles", country="Syria"), ["Syria"])
    with pytest.raises(ConfigError):
        check_filter(IncidentFilter(type="Bogus"), ["Syria"])
    with pytest.raises(ConfigError):
        check_filter(IncidentFilter(country="Narnia"), ["Syria"])
