"""The ingest edge: files, directories, JSON Lines corpora and URLs in; checked ``Document``s out.

    read_inputs(["report.txt", "reports/", "corpus.jsonl", "https://..."], settings=settings)

yields one ``Document`` per report found, or a ``Problem`` (stage "ingest") for
each input that cannot be read; a bad input never stops the batch.

Modules: ``sources`` (which reader for which input), ``text`` (bytes to text),
``html`` (boilerplate removal, page metadata), ``url`` (fetching), ``jsonl``
(one report per line), ``meta`` (metadata and ``NAME.meta.json`` sidecars),
``language`` (is it English?), ``document`` (the checks every report passes),
``problems`` (failures as values).
"""

from thucydides.ingest.meta import Metadata
from thucydides.ingest.sources import read_inputs

__all__ = ["Metadata", "read_inputs"]
