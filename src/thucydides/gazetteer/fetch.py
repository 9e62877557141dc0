"""Downloads GeoNames dump files (per-country dumps, admin codes, country table) for the gazetteer builder.

    fetch_geonames(["SY", "IQ"], Path("geonames/"))

1. Each file is downloaded to ``NAME.part`` beside its target; an interrupted
   download resumes from where it stopped (HTTP Range), or starts again when the
   server ignores the range.
2. A finished file is checked before it replaces anything: a zip archive must
   open and pass its CRC test, a table must have the column count GeoNames
   documents. A per-country ``CC.zip`` is unpacked to ``CC.txt``.
3. ``MANIFEST.json`` records the size and SHA-256 of every file, so a later run
   (or a user) can verify what was fetched; a file whose checksum matches is not
   fetched again.

GeoNames data is licensed CC BY 4.0 (attribution: GeoNames, www.geonames.org).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from thucydides.errors import FetchError, GazetteerError

GEONAMES_EXPORT = "https://download.geonames.org/export/dump/"
COMMON_FILES = ("countryInfo.txt", "admin1CodesASCII.txt", "admin2Codes.txt")
# Columns GeoNames documents for each table (countryInfo has comment lines first).
_COLUMNS = {"countryInfo.txt": 19, "admin1CodesASCII.txt": 4, "admin2Codes.txt": 4, "country": 19}
_CHUNK = 1 << 16

Progress = Callable[[str, int, int | None], None]  # file name, bytes so far, total bytes if known


@dataclass
class FetchReport:
    """What a fetch did."""

    directory: Path
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.directory}: {len(self.fetched)} fetched ({', '.join(self.fetched) or '-'}), "
            f"{len(self.unchanged)} already up to date"
        )


def fetch_geonames(
    countries: Sequence[str],
    target: Path,
    *,
    base_url: str = GEONAMES_EXPORT,
    client: httpx.Client | None = None,
    progress: Progress = lambda name, done, total: None,
) -> FetchReport:
    """Download the GeoNames dumps of ``countries`` (ISO2 codes) and the shared tables into ``target``."""
    codes = [code.strip().upper() for code in countries]
    bad = [code for code in codes if len(code) != 2 or not code.isalpha()]
    if bad:
        raise GazetteerError(
            f"Not ISO 3166-1 alpha-2 country codes: {', '.join(bad)}. Give codes like SY IQ LB TR JO."
        )
    target.mkdir(parents=True, exist_ok=True)
    manifest_path = target / "MANIFEST.json"
    manifest: dict[str, dict[str, object]] = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    report = FetchReport(directory=target)
    own_client = client is None
    http = client or httpx.Client(timeout=httpx.Timeout(60.0, connect=15.0), follow_redirects=True)
    try:
        for name in [*COMMON_FILES, *(f"{code}.zip" for code in codes)]:
            final = target / (name[: -len(".zip")] + ".txt" if name.endswith(".zip") else name)
            recorded = manifest.get(final.name)
            if recorded and final.exists() and _sha256(final) == recorded.get("sha256"):
                report.unchanged.append(final.name)
                continue
            part = target / (name + ".part")
            _download(http, base_url.rstrip("/") + "/" + name, part, progress=progress)
            _install(part, final, kind=name if name in _COLUMNS else "country")
            manifest[final.name] = {
                "source": base_url.rstrip("/") + "/" + name,
                "bytes": final.stat().st_size,
                "sha256": _sha256(final),
            }
            manifest_path.write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
            report.fetched.append(final.name)
    finally:
        if own_client:
            http.close()
    return report


def _download(http: httpx.Client, url: str, part: Path, *, progress: Progress) -> None:
    """Fetch ``url`` into ``part``, resuming a partial file when the server honours Range."""
    done = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={done}-"} if done else {}
    try:
        with http.stream("GET", url, headers=headers) as response:
            if response.status_code == 416:  # the part file is already complete
                return
            if response.status_code >= 400:
                raise FetchError(
                    f"{url}: the server answered {response.status_code}. Check the country code and the "
                    "address, or download the file yourself and pass its folder to 'gazetteer build --from'."
                )
            resumed = response.status_code == 206
            if not resumed:
                done = 0
            length = response.headers.get("content-length")
            total = done + int(length) if length and length.isdigit() else None
            with part.open("ab" if resumed else "wb") as out:
                for chunk in response.iter_bytes(_CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    progress(part.name.removesuffix(".part"), done, total)
    except httpx.HTTPError as error:
        raise FetchError(
            f"{url}: download failed ({error}). Run the same command again to resume it, or download the "
            "file yourself and pass its folder to 'gazetteer build --from'."
        ) from error


def _install(part: Path, final: Path, *, kind: str) -> None:
    """Check a downloaded file and move it into place (unpacking a country zip)."""
    if part.name.endswith(".zip.part"):
        try:
            with zipfile.ZipFile(part) as archive:
                broken = archive.testzip()
                if broken is not None:
                    raise GazetteerError(
                        f"{part}: {broken} is corrupt in the archive. Delete {part} and fetch again."
                    )
                member = final.name if final.name in archive.namelist() else archive.namelist()[0]
                tmp = final.with_suffix(".txt.tmp")
                tmp.write_bytes(archive.read(member))
        except zipfile.BadZipFile as error:
            part.unlink(missing_ok=True)
            raise GazetteerError(
                f"{part}: not a zip archive ({error}); it was deleted. Fetch again."
            ) from error
        _check_columns(tmp, kind)
        tmp.replace(final)
        part.unlink()
        return
    _check_columns(part, kind)
    part.replace(final)


def _check_columns(path: Path, kind: str) -> None:
    expected = _COLUMNS[kind]
    with path.open(encoding="utf-8", errors="strict") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#") or not line.strip():
                continue
            columns = len(line.rstrip("\n").split("\t"))
            if columns != expected:
                path.unlink()
                raise GazetteerError(
                    f"{path.name}, line {number}: {columns} columns where GeoNames has {expected}; the "
                    "download is not a GeoNames table and was deleted. Check --base-url and fetch again."
                )
            if number > 50:
                break


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
