"""Writing so that nothing is ever half-written: into a temporary name, then a rename.

A reader (a researcher, a notebook, a second run) sees either the old output or the new
one, never a mix: every file and folder is written under a temporary name in the same
folder as its destination (a rename within one file system is atomic) and moved into
place when complete. Whatever goes wrong, the temporary files are removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The process's umask, read once (os.umask can only be read by setting it): files written
# here get the permissions a plain open() would give them, not mkstemp's 0600.
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def staging_dir(parent: str | Path, name: str) -> Iterator[Path]:
    """A new temporary folder ``parent/.name.XXXX``, removed on exit whatever happens;
    the caller moves what it wrote out of it (with :func:`os.replace`)."""
    parent = Path(parent)
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def replace_dir(source: Path, target: Path) -> None:
    """Put the folder ``source`` in the place of ``target`` (removing the old one)."""
    if target.exists():
        shutil.rmtree(target)
    os.replace(source, target)


@contextmanager
def replaced_dir(target: str | Path) -> Iterator[Path]:
    """Write a whole folder: yields a staging folder beside ``target`` that replaces it when
    the block ends without an error (and is removed when it does not).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> with replaced_dir(root / "out") as tmp:
    ...     _ = (tmp / "a.txt").write_text("done")
    >>> sorted(p.name for p in root.iterdir()), (root / "out" / "a.txt").read_text()
    (['out'], 'done')
    """
    target = Path(target)
    with staging_dir(target.parent, target.name) as staging:
        yield staging
        replace_dir(staging, target)


@contextmanager
def replaced_file(path: str | Path, *, suffix: str = "") -> Iterator[Path]:
    """Write one file: yields a temporary path beside ``path`` (an empty file) that is renamed
    onto ``path`` when the block ends without an error, and removed when it does not."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except OSError as exc:
        if exc.filename is None or Path(exc.filename) == tmp:
            # A write that fails (a full disk) names no file, or the temporary one: name the output.
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write one file under a temporary name beside it, then rename it into place."""
    with replaced_file(path) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
