"""``thucydides serve``: the HTTP API and the map over a database, on uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from thucydides.cli.common import db_option, friendly, settings_from_env


@click.command()
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback only by default)."
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@friendly
def serve(db: Path | None, host: str, port: int) -> None:
    """Serve the API and the offline map of the stored events at http://HOST:PORT/.

    Read-only unless THUCYDIDES_API_TOKEN (or THUCYDIDES_API_TOKEN_FILE) is set: then
    POST /documents ingests a report given that bearer token. The basemap is built from the
    reference data (THUCYDIDES_DATA, or THUCYDIDES_BASEMAP). The API is described at /docs.

    Example: thucydides serve --db out/demo.db --port 8000
    """
    import uvicorn

    from thucydides.api import ApiSettings, create_app
    from thucydides.store import open_store

    settings = settings_from_env(db)
    path = settings.db_path
    open_store(path, create=False).close()  # a missing or foreign database fails here, not per request
    api = ApiSettings.resolve(settings)
    app = create_app(lambda: open_store(path, create=False), api)
    writes = "writes allowed with the token" if api.writable else "read-only: no THUCYDIDES_API_TOKEN"
    basemap = api.basemap_dir or "none: set THUCYDIDES_DATA for the basemap"
    click.echo(f"Serving {path} at http://{host}:{port}/ ({writes}); basemap data: {basemap}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
