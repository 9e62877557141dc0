"""``python -m thucydides``: the same as the ``thucydides`` command."""

from thucydides.cli import main

main(prog_name="thucydides")
