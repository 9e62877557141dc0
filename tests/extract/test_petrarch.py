from __future__ import annotations

from pathlib import Path

import pytest

from thucydides.extract.actors import ActorDictionary
from thucydides.extract.petrarch import (
    AGENTS_FILE,
    GROUPS_FILE,
    group_name,
    import_actors,
    read_agents,
    read_groups,
)

GROUPS = """# a comment
NORTHERN_VALLEY_LIBERATION_FRONT_(NVLF)_ [XYZREB] #  test entry
+VALLEY_FRONT_
+NVLF_

GLOBAL_JIHAD_COUNCIL_ [IMGMUSALQ] #  test entry
"""

AGENTS = """# agents
GUERRILLA [~REB]
MILITIAMAN {MILITIAMEN} [~UAF]
PATROL!PERSON! [~MIL]
CITY [~CVL]
SENATOR [~GOV]
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / GROUPS_FILE).parent.mkdir(parents=True)
    (tmp_path / GROUPS_FILE).write_text(GROUPS, encoding="utf-8")
    (tmp_path / AGENTS_FILE).parent.mkdir(parents=True)
    (tmp_path / AGENTS_FILE).write_text(AGENTS, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("ANSAR_AL-ISLAM_", "Ansar al-Islam"),
        ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", "Aden Abyan Islamic Army"),
        ("AL-FARUQ_BRIGADES_", "Al-Faruq Brigades"),
        ("ARMY_OF_THE_RIGHTEOUS_", "Army of the Righteous"),
    ],
)
def test_group_names_read_as_acled_writes_them(phrase: str, expected: str) -> None:
    assert group_name(phrase) == expected


def test_synonyms_name_their_block_and_keep_provenance(data_dir: Path) -> None:
    groups = {actor.words: actor for actor in read_groups(data_dir / GROUPS_FILE)}
    assert groups["valley front"].canonical == "Northern Valley Liberation Front"
    assert groups["valley front"].provenance.endswith(":2 NORTHERN_VALLEY_LIBERATION_FRONT_(NVLF)_ [XYZREB]")
    assert "nvlf" in groups  # four letters: long enough to keep
    assert groups["global jihad council"].kind == "jihadist"


def test_agents_import_armed_sectors_with_plurals(data_dir: Path) -> None:
    agents = {actor.words: actor for actor in read_agents(data_dir / AGENTS_FILE)}
    assert agents["guerrillas"].canonical == "Opposition Rebels ({C})"
    assert agents["militiamen"].kind == "unknown"
    assert agents["patrolmen"].canonical == "Military Forces of {C}"
    assert "city" not in agents and "senator" not in agents  # civilian and government sectors are left out


def test_imported_wordings_are_found_in_text(data_dir: Path) -> None:
    actors = ActorDictionary.default(data_dir=data_dir)
    found = actors.find("Guerrillas and the Valley Front ambushed a convoy", country="Colombia")
    assert [(mention.text, mention.name) for mention in found] == [
        ("Guerrillas", "Opposition Rebels (Colombia)"),
        ("Valley Front", "Northern Valley Liberation Front"),
    ]
    assert found[1].provenance.startswith("petrarch2 ")


def test_an_imported_wording_is_found_in_its_possessive(data_dir: Path) -> None:
    actors = ActorDictionary.default(data_dir=data_dir)
    found = actors.find("The guerrillas’ camp and the Valley Front's convoy", country="Colombia")
    assert [mention.name for mention in found] == [
        "Opposition Rebels (Colombia)",
        "Northern Valley Liberation Front",
    ]


def test_our_own_entries_win_over_imports(tmp_path: Path) -> None:
    (tmp_path / GROUPS_FILE).parent.mkdir(parents=True)
    (tmp_path / GROUPS_FILE).write_text("HEZBOLLAH_ [LBNREB]\n", encoding="utf-8")
    (mention,) = ActorDictionary.default(data_dir=tmp_path).find("Hezbollah fighters", country="Syria")
    assert mention.name == "Hezbollah"
    assert mention.kind == "militia"


def test_missing_dictionaries_import_nothing(tmp_path: Path) -> None:
    assert import_actors(tmp_path) == []


def test_shared_dictionaries_import(shared_data: Path) -> None:
    imported = import_actors(shared_data)
    names = {actor.canonical for actor in imported}
    assert len(imported) > 1000
    assert {"Ansar al-Islam", "Abu Sayyaf Group"} <= names
