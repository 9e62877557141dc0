"""``gazetteer fetch`` against a local server that plays the GeoNames export server (no internet)."""

from __future__ import annotations

import http.server
import io
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from thucydides.errors import FetchError, GazetteerError
from thucydides.gazetteer.fetch import fetch_geonames

COUNTRY_ROW = "\t".join(
    [
        "163808",
        "Tadmur",
        "Tadmur",
        "Palmyra,Tudmur",
        "34.56",
        "38.28",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "51323",
        "",
        "404",
        "Asia/Damascus",
        "2012-01-18",
    ]
)
FILES = {
    "countryInfo.txt": ("#ISO\tISO3\n" + "\t".join(["SY", "SYR", "760"] + ["x"] * 16) + "\n").encode(),
    "admin1CodesASCII.txt": b"SY.12\tHoms\tHoms\t169575\n",
    "admin2Codes.txt": b"SY.12.1234\tTadmur\tTadmur\t163807\n",
}


def _zip(name: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(name, text)
        archive.writestr("readme.txt", "GeoNames")
    return buffer.getvalue()


FILES["SY.zip"] = _zip("SY.txt", (COUNTRY_ROW + "\n") * 3000)  # ~300 kB, so a cut leaves a part file


class _Handler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, str | None]]] = []
    cut_after: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        name = self.path.strip("/")
        self.requests.append((name, self.headers.get("Range")))
        body = FILES.get(name)
        if body is None:
            self.send_error(404)
            return
        start = 0
        if self.headers.get("Range"):
            start = int(self.headers["Range"].split("=")[1].rstrip("-"))
            self.send_response(206)
        else:
            self.send_response(200)
        chunk = body[start:]
        limit = self.cut_after.pop(name, None)
        self.send_header("Content-Length", str(len(chunk)))
        self.end_headers()
        self.wfile.write(chunk[:limit] if limit is not None else chunk)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.requests = []
    _Handler.cut_after = {}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_fetch_downloads_checks_unpacks_and_records_checksums(server: str, tmp_path: Path) -> None:
    report = fetch_geonames(["sy"], tmp_path, base_url=server)
    assert sorted(report.fetched) == ["SY.txt", "admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt"]
    assert (tmp_path / "SY.txt").read_text(encoding="utf-8").startswith("163808\tTadmur")
    manifest = json.loads((tmp_path / "MANIFEST.json").read_text(encoding="utf-8"))
    assert set(manifest) == {"SY.txt", "admin1CodesASCII.txt", "admin2Codes.txt", "countryInfo.txt"}
    assert not list(tmp_path.glob("*.part"))


def test_a_second_fetch_skips_files_whose_checksum_matches(server: str, tmp_path: Path) -> None:
    fetch_geonames(["SY"], tmp_path, base_url=server)
    report = fetch_geonames(["SY"], tmp_path, base_url=server)
    assert report.fetched == []
    assert len(report.unchanged) == 4


def test_an_interrupted_download_resumes_with_a_range_request(server: str, tmp_path: Path) -> None:
    _Handler.cut_after["SY.zip"] = 200_000
    with pytest.raises((FetchError, GazetteerError)):
        fetch_geonames(["SY"], tmp_path, base_url=server)
    partial = (tmp_path / "SY.zip.part").stat().st_size
    assert 0 < partial <= 200_000
    fetch_geonames(["SY"], tmp_path, base_url=server)
    assert ("SY.zip", f"bytes={partial}-") in _Handler.requests
    assert (tmp_path / "SY.txt").exists()


def test_an_unknown_country_names_the_address_and_the_fix(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"XX\.zip: the server answered 404.*gazetteer build --from"):
        fetch_geonames(["XX"], tmp_path, base_url=server)


def test_bad_codes_are_refused_before_any_download(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="Not ISO 3166-1 alpha-2"):
        fetch_geonames(["Syria"], tmp_path, base_url="http://127.0.0.1:9/")


def test_a_page_that_is_not_a_geonames_table_is_rejected_and_nothing_installed(
    server: str, tmp_path: Path
) -> None:
    FILES["admin1CodesASCII.txt"], original = b"<html>maintenance</html>\n", FILES["admin1CodesASCII.txt"]
    try:
        with pytest.raises(GazetteerError, match="columns where GeoNames has 4"):
            fetch_geonames(["SY"], tmp_path, base_url=server)
    finally:
        FILES["admin1CodesASCII.txt"] = original
    assert not (tmp_path / "admin1CodesASCII.txt").exists()


def test_offline_gives_a_fetch_error_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="download failed"):
        fetch_geonames(["SY"], tmp_path, base_url="http://127.0.0.1:9/")
