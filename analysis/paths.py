"""Where the project's folders are, and how a notebook reads a relative path.

A notebook runs with its own folder as the working directory (in JupyterLab and under
papermill alike), while the README's commands and a researcher's habits are relative to
the repository. So notebooks read a relative path from the project folder (the one that
holds ``analysis/``, ``notebooks/`` and ``seeds/``) first, and from the working directory
second; the command line reads paths as every command line does, from where it runs.
"""

from __future__ import annotations

from pathlib import Path

from .errors import UserError

PROJECT_ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
SEEDS_DIR = PROJECT_ROOT / "seeds"
#: Tables a notebook computes for itself (and their partition cache), reused by the next one.
CACHE_DIR = PROJECT_ROOT / ".cache"


def project_path(path: str | Path, *, what: str = "path") -> Path:
    """``path`` as a notebook means it: absolute as it is; relative, from the project folder,
    else from the working directory. A path found in neither is an error naming both.

    >>> project_path("seeds") == SEEDS_DIR
    True
    """
    path = Path(path).expanduser()
    if path.is_absolute():
        if not path.exists():
            raise UserError(f"{what} {path}: no such file or folder")
        return path.resolve()
    for base in (PROJECT_ROOT, Path.cwd()):
        if (base / path).exists():
            return (base / path).resolve()
    raise UserError(f"{what} {str(path)!r}: no such file or folder in the project folder {PROJECT_ROOT} "
                    f"or in the working directory {Path.cwd()} (relative paths are read from the project folder)")


def relative_to_project(path: str | Path) -> str:
    """A path as the runner passes it to a notebook: relative to the project folder, so
    reports do not depend on where the project lies."""
    import os

    return os.path.relpath(Path(path).resolve(), PROJECT_ROOT)
