"""The map's basemap, built from reference data on disk: no tile server, no network.

Layers (each a GeoJSON file of the reference data folder, ``THUCYDIDES_BASEMAP`` or the reference
data): the countries of Natural Earth (public domain) and Syria's governorates from OCHA's COD-AB
(CC BY-IGO). A layer is read once, its coordinates rounded to about 100 m and its properties cut
to names, and kept gzipped in memory; a missing file is a 404 problem that says what to set.
"""

from __future__ import annotations

import gzip
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response

from thucydides.api.problems import ApiProblem

router = APIRouter(tags=["map"])

DIGITS = 3  # about 100 m: finer than the 1:50m source, and a third of the size


@dataclass(frozen=True, slots=True)
class Layer:
    """One basemap layer: its file under the reference data folder, the name property, its credit."""

    file: str
    name_property: str
    attribution: str


LAYERS: dict[str, Layer] = {
    "countries": Layer(
        "natural-earth/ne_50m_admin_0_countries.geojson.gz",
        "NAME",
        "Made with Natural Earth (public domain)",
    ),
    "admin1": Layer(
        "syria-admin1-ocha/syr_admin1_ocha_2016.geojson.gz",
        "NAME_EN",
        "Syria governorates: UN OCHA COD-AB, 2016 (CC BY-IGO)",
    ),
}


class Basemap:
    """The layers of one folder, read on first request and kept (gzipped JSON bytes)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._built: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def available(self, name: str) -> bool:
        return self.folder is not None and (self.folder / LAYERS[name].file).is_file()

    def gzipped(self, name: str) -> bytes:
        """The layer ``name`` as gzipped GeoJSON; ``ApiProblem`` 404 when its file is absent."""
        with self._lock:
            if name not in self._built:
                self._built[name] = gzip.compress(
                    json.dumps(self._read(name), separators=(",", ":")).encode()
                )
            return self._built[name]

    def _read(self, name: str) -> dict[str, Any]:
        layer = LAYERS[name]
        if self.folder is None or not (self.folder / layer.file).is_file():
            where = f"{self.folder / layer.file}" if self.folder else "no reference data folder is set"
            raise ApiProblem(
                404,
                "basemap-absent",
                f"The basemap layer {name!r} is not available ({where}). Set THUCYDIDES_DATA (or "
                "THUCYDIDES_BASEMAP) to a reference data folder such as ../shared/data; the map still "
                "shows events without it.",
            )
        with gzip.open(self.folder / layer.file, "rt", encoding="utf-8") as source:
            collection = json.load(source)
        features = [
            {
                "type": "Feature",
                "properties": {"name": (feature.get("properties") or {}).get(layer.name_property)},
                "geometry": _rounded(feature["geometry"]),
            }
            for feature in collection.get("features", [])
            if feature.get("geometry")
        ]
        return {"type": "FeatureCollection", "attribution": layer.attribution, "features": features}


def _rounded(geometry: dict[str, Any]) -> dict[str, Any]:
    def walk(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, DIGITS)
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry.get("coordinates"))}


@router.get("/basemap", summary="The basemap layers and their attribution")
def list_layers(request: Request) -> dict[str, Any]:
    """Each layer: whether its data is present, where it comes from and whom to credit."""
    basemap: Basemap = request.app.state.basemap
    return {
        "layers": [
            {
                "name": name,
                "available": basemap.available(name),
                "attribution": layer.attribution,
                "url": f"/basemap/{name}.geojson",
            }
            for name, layer in LAYERS.items()
        ]
    }


@router.get("/basemap/{name}.geojson", summary="One basemap layer as GeoJSON")
def get_layer(request: Request, name: Annotated[str, PathParam(max_length=40)]) -> Response:
    """The layer's shapes with their names (gzip-encoded when the client accepts it)."""
    if name not in LAYERS:
        raise ApiProblem(
            404, "not-found", f"No basemap layer {name!r}. Layers: {', '.join(LAYERS)} (see /basemap)."
        )
    basemap: Basemap = request.app.state.basemap
    body = basemap.gzipped(name)
    headers = {"Cache-Control": "max-age=3600", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(
            body, media_type="application/geo+json", headers={**headers, "Content-Encoding": "gzip"}
        )
    return Response(gzip.decompress(body), media_type="application/geo+json", headers=headers)
