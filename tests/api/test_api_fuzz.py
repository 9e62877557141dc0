"""A schema-driven fuzz run: hypothesis draws query strings from the OpenAPI description of every
GET endpoint, and no answer may be a server error or step outside the one problem shape."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apiclient import assert_problem

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def value_for(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the parameter's schema allows, and some it does not (the API must refuse those well)."""
    options = schema.get("anyOf", [schema])
    kinds: list[st.SearchStrategy[Any]] = [TEXT]
    for option in options:
        if option.get("type") == "integer":
            kinds.append(st.integers(min_value=-5, max_value=10_000))
        elif option.get("format") == "date":
            kinds.append(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)).map(dt.date.isoformat))
        elif "enum" in option:
            kinds.append(st.sampled_from(option["enum"]))
        elif option.get("type") == "string":
            kinds.append(TEXT)
    if "enum" in schema:
        kinds.append(st.sampled_from(schema["enum"]))
    return st.one_of(kinds)


def requests(spec: dict[str, Any]) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """(path, query) pairs for the GET operations of ``spec``, path parameters filled in too."""
    strategies = []
    for path, operations in spec["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        query = {}
        path_values = {}
        for parameter in operation.get("parameters", []):
            strategy = value_for(parameter.get("schema", {}))
            if parameter["in"] == "query":
                query[parameter["name"]] = st.none() | strategy
            elif parameter["in"] == "path":
                path_values[parameter["name"]] = TEXT.filter(
                    lambda t: "/" not in t and t not in {"", ".", ".."}
                )

        def build(
            values: dict[str, Any], params: dict[str, Any], template: str = path
        ) -> tuple[str, dict[str, Any]]:
            url = template
            for name, value in values.items():
                url = url.replace("{" + name + "}", quote(value, safe=""))
            return url, {k: v for k, v in params.items() if v is not None}

        strategies.append(st.builds(build, st.fixed_dictionaries(path_values), st.fixed_dictionaries(query)))
    return st.one_of(strategies)


@pytest.fixture(scope="module")
def spec(store_path: Any) -> dict[str, Any]:
    from apiclient import client_for
    from thucydides.api import ApiSettings

    with client_for(store_path, ApiSettings()) as client:
        document: dict[str, Any] = client.get("/openapi.json").json()
    return document


def test_fuzz_every_get_endpoint(spec: dict[str, Any], client: TestClient) -> None:
    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(requests(spec))
    def check(request: tuple[str, dict[str, Any]]) -> None:
        path, params = request
        response = client.get(path, params=params)
        assert response.status_code < 500 or response.status_code == 501, (path, params, response.text)
        if response.status_code >= 400:
            assert_problem(response, response.status_code)

    check()
