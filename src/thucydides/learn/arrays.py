"""Reading a shipped model's plain arrays (``.npz``, never a pickle), with one clear error."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from thucydides.errors import ResourceError


def load_arrays(path: str | Path | None, shipped: str, *, what: str, trainer: str) -> dict[str, np.ndarray]:
    """The arrays saved at ``path``, or those of the file ``shipped`` inside the package.

    ``what`` names the model and ``trainer`` the script that rebuilds it, for the error message.
    """
    try:
        if path is None:
            with resources.as_file(resources.files("thucydides.learn") / shipped) as packaged:
                return dict(np.load(packaged, allow_pickle=False))
        return dict(np.load(path, allow_pickle=False))
    except (OSError, ValueError) as error:
        raise ResourceError(
            f"Cannot read the {what} ({path or shipped}): {error}. "
            f"Reinstall Thucydides or retrain it with {trainer}."
        ) from error
