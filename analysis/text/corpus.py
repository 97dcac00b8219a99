"""Loading a corpus into the documents table.

Three layouts are accepted (see the README, "Corpus formats"):

* a folder of ``.txt`` files, with an optional ``metadata.csv`` / ``metadata.yaml``
  beside them (matched on a ``file`` or ``doc_id`` column);
* a ``.csv`` file with a text column (one row per document);
* a ``.jsonl`` file (one JSON object per line, with a ``text`` field).

The result is one row per document with at least
``doc_id, title, title_basis, source, url, published, published_basis, year,
dateline, body_start, body_end, text`` plus any further metadata columns.

``text`` is the original text exactly as stored (decoded from UTF-8, a leading BOM
dropped); every offset in every table points into it. ``body_start``/``body_end``
delimit the article body: page debris such as navigation strips and "Related News"
footers lies outside it and is ignored by the analyses, but is never deleted.

Bad input raises :class:`~analysis.errors.CorpusError` with one line naming the file
(and row or line) and the problem. Nothing is written by this module.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd

from ..config.corpus import CorpusConfig, load_corpus_config
from ..config.inputs import CorpusSource
from ..config.yamlfile import read_yaml
from ..errors import CodebookError, CorpusError
from ..lang.en import MONTHS
from ..schema import DOCUMENT_COLUMNS, Stage
from .layout import describe_document

PUBLISHED_BASES = ("metadata", "dateline", "inferred", "unknown")
#: Publication years accepted: wide enough for any news archive, narrow enough that date
#: arithmetic on expressions such as "in 500 years" stays inside Python's dates.
YEAR_RANGE = (1000, 2999)
#: Document columns the tool computes; an input field of the same name is kept as ``input_<name>``.
DERIVED_FIELDS = ("title_basis", "published_basis", "dateline", "body_start", "body_end", "n_chars",
                  "published_earliest", "published_latest", "published_evidence")
#: csv's default field limit is 131,072 characters, shorter than some articles.
_CSV_FIELD_LIMIT = 2 ** 31 - 1
METADATA_NAMES = ("metadata.csv", "metadata.yaml", "metadata.yml")
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


# --------------------------------------------------------------------------- dates

def parse_published(value: str, *, where: str) -> str:
    """Normalise a publication date to ISO 8601 (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

    >>> parse_published("April 3, 2024", where="x")
    '2024-04-03'
    >>> parse_published("2023-07", where="x")
    '2023-07'
    >>> parse_published("3 Jan. 2023", where="x")
    '2023-01-03'
    """
    text = str(value).strip()
    if not text:
        return ""
    m = re.fullmatch(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?", text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        return _checked_date(int(year), month and int(month), day and int(day), text, where)
    m = re.fullmatch(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})", text) or re.fullmatch(
        r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})", text
    )
    if m and m.group("month").lower() in MONTHS:
        return _checked_date(int(m.group("year")), MONTHS[m.group("month").lower()], int(m.group("day")), text, where)
    m = re.fullmatch(r"(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})", text)
    if m and m.group("month").lower() in MONTHS:
        return _checked_date(int(m.group("year")), MONTHS[m.group("month").lower()], None, text, where)
    raise CorpusError(f"{where}: unparseable date {text!r} (use YYYY-MM-DD, YYYY-MM, YYYY or 'April 3, 2024')")


def _checked_date(year: int, month: int | None, day: int | None, raw: str, where: str) -> str:
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise CorpusError(f"{where}: date {raw!r} is outside the years {YEAR_RANGE[0]}-{YEAR_RANGE[1]}")
    try:
        if day:
            return date(year, month, day).isoformat()
        if month:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    except ValueError as exc:
        raise CorpusError(f"{where}: invalid date {raw!r} ({exc})") from None


# --------------------------------------------------------------------------- reading

def decode_text(data: bytes, *, where: str, allow_empty: bool = False) -> str:
    """Strict UTF-8 decoding with one-line errors for binary, empty or mis-encoded input."""
    if b"\x00" in data[:8192] and not allow_empty:
        raise CorpusError(f"{where}: binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CorpusError(
            f"{where}: not UTF-8 (invalid byte 0x{data[exc.start]:02x} at byte {exc.start}, line {line}); "
            "re-save the file as UTF-8"
        ) from None
    if not allow_empty and not text.strip():
        raise CorpusError(f"{where}: empty file")
    return text


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None


def _read_metadata(folder: Path) -> tuple[Path | None, list[dict]]:
    found = [folder / n for n in METADATA_NAMES if (folder / n).is_file()]
    if not found:
        return None, []
    if len(found) > 1:
        raise CorpusError(f"{folder}: both {found[0].name} and {found[1].name} present; keep one metadata file")
    path = found[0]
    if not _inside(path.resolve(), folder.resolve()):
        raise CorpusError(f"{path}: links to {path.resolve()}, outside the corpus folder; copy the file in instead")
    if path.suffix == ".csv":
        text = decode_text(_read_bytes(path), where=str(path))
        csv.field_size_limit(_CSV_FIELD_LIMIT)
        reader = csv.DictReader(io.StringIO(text))
        try:
            _check_header(reader.fieldnames or [], str(path))
            rows = list(reader)
        except csv.Error as exc:
            raise CorpusError(f"{path}, row {reader.line_num}: malformed CSV ({exc})") from None
        for i, r in enumerate(rows):
            if None in r:
                raise CorpusError(f"{path}, row {i + 2}: more fields than the header has")
        numbered = [(i + 2, r) for i, r in enumerate(rows)]  # row 1 is the header
    else:
        try:
            data, _ = read_yaml(path, strings=True)
        except CodebookError as exc:
            raise CorpusError(str(exc)) from None
        if isinstance(data, dict) and "documents" in data:
            data = data["documents"]
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise CorpusError(f"{path}: expected a list of mappings (one per file), or 'documents:' holding one")
        for i, r in enumerate(data):
            for k, v in r.items():
                if not isinstance(k, str) or not isinstance(v, str):
                    raise CorpusError(f"{path}, entry {i + 1}: field {str(k)[:40]!r} must be one value, "
                                      "not a list or mapping")
        numbered = list(enumerate(data, start=1))
    label = "row" if path.suffix == ".csv" else "entry"
    out = []
    for n, row in numbered:
        row = {str(k).strip(): (v or "").strip() for k, v in row.items() if k is not None}
        if not row.get("file") and not row.get("doc_id"):
            raise CorpusError(f"{path}, {label} {n}: needs a 'file' or 'doc_id' value")
        row["_where"] = f"{path}, {label} {n}"
        out.append(row)
    return path, out


def filename_fields(pattern: str, stem: str, *, where: str) -> dict[str, str]:
    """Metadata from a file name: ``{country}_{session}_{year}`` on ``USA_79_2024``.

    >>> filename_fields("{country}_{session}_{year}", "USA_79_2024", where="x")
    {'country': 'USA', 'session': '79', 'year': '2024'}
    """
    names = re.findall(r"{(\w+)}", pattern)
    regex = re.escape(pattern)
    for name in names:
        regex = regex.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^_/]+?)" if name != names[-1] else
                              f"(?P<{name}>.+)")
    m = re.fullmatch(regex, stem)
    if not m:
        raise CorpusError(f"{where}: file name {stem!r} does not match the pattern {pattern!r}")
    return m.groupdict()


#: Longest doc_id made from a file name (a longer name is cut and gets a hash of its own).
MAX_SLUG = 100


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def slug(name: str) -> str:
    """A doc_id made from a file name: accents dropped, every run of other characters than
    letters, digits, '.', '_' and '-' made one '-'.

    >>> slug("speech 1, UN (2024)"), slug("Déclaration d'Hanoï")
    ('speech-1-UN-2024', 'Declaration-d-Hanoi')
    >>> slug("؟؟").startswith("doc-")
    True
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-._")
    if not s:
        return f"doc-{_short_hash(name)}"
    if len(s) > MAX_SLUG:
        return f"{s[:MAX_SLUG].rstrip('-._')}-{_short_hash(name)}"
    return s


def file_doc_ids(files: list[Path], folder: Path) -> dict[Path, str]:
    """A safe, stable doc_id for each file: its stem when that is a valid doc_id already, else
    :func:`slug` of it; slugs that two files share get a short hash of each file's path."""
    base = {p: p.stem if _DOC_ID.match(p.stem) else slug(p.stem) for p in files}
    sharing: dict[str, list[Path]] = {}
    for p, b in base.items():
        sharing.setdefault(b, []).append(p)
    ids = {}
    for p, b in base.items():
        if len(sharing[b]) > 1 and b != p.stem:  # a name of its own stays; made-up ones get told apart
            b = f"{b}-{_short_hash(p.relative_to(folder).as_posix())}"
        ids[p] = b
    return ids


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def folder_files(folder: Path, *, recursive: bool = False) -> tuple[list[Path], list[Path]]:
    """The corpus's ``.txt`` files (any case of the suffix), in sorted order so the run is the
    same on every file system, and the ones left out because they are links to something
    outside the folder (a corpus is what lies inside its folder)."""
    root = folder.resolve()
    listing = folder.rglob("*") if recursive else folder.iterdir()
    # README files describe a corpus; they are not part of it.
    candidates = sorted((p for p in listing if p.suffix.lower() == ".txt" and p.is_file()
                         and not p.name.upper().startswith("README")), key=lambda p: p.as_posix())
    inside = [p for p in candidates if _inside(p.resolve(), root)]
    return inside, [p for p in candidates if p not in inside]


def skipped_files(source: CorpusSource) -> list[Path]:
    """The files of a folder corpus left out because they link outside it (see :func:`folder_files`)."""
    path = Path(source.path)
    return folder_files(path, recursive=source.recursive)[1] if path.is_dir() else []


def _load_folder(folder: Path, *, filename_pattern: str | None = None, recursive: bool = False) -> Iterator[dict]:
    """Records of a folder of .txt files, read one file at a time."""
    meta_path, meta_rows = _read_metadata(folder)
    files, _ = folder_files(folder, recursive=recursive)
    ids = file_doc_ids(files, folder)
    by_name = {**{p.name: p for p in files}, **{p.relative_to(folder).as_posix(): p for p in files}}
    by_id = {**{p.stem: p for p in files}, **{i: p for p, i in ids.items()}}
    meta_for: dict[Path, dict] = {}
    for row in meta_rows:
        name = row.get("file") or ""
        if name:
            path = by_name.get(name) or by_name.get(Path(name).name)
            if path is None:
                raise CorpusError(f"{row['_where']}: names file '{name}', which does not exist in {folder}")
        else:
            path = by_id.get(row["doc_id"])
            if path is None:
                raise CorpusError(
                    f"{row['_where']}: doc_id '{row['doc_id']}' matches no {row['doc_id']}.txt in {folder}")
        if path in meta_for:
            raise CorpusError(f"{row['_where']}: second metadata row for '{path.name}'")
        meta_for[path] = row
    if not files:
        skipped = folder_files(folder, recursive=recursive)[1]
        raise CorpusError(f"{folder}: no .txt files found" + (f" (only {len(skipped)} linking outside the folder)"
                                                               if skipped else ""))
    for path in files:
        meta = dict(meta_for.get(path, {}))
        if filename_pattern:
            for key, value in filename_fields(filename_pattern, path.stem, where=str(path)).items():
                meta.setdefault("published" if key in ("date", "published") else key, value)
            if "year" in meta and not meta.get("published"):
                meta["published"] = meta["year"]
        meta.setdefault("_where", str(path))
        # The name as it is on disk: the doc_id may be made from it (see file_doc_ids).
        meta["file"] = path.relative_to(folder).as_posix()
        text = decode_text(_read_bytes(path), where=str(path))
        yield {**meta, "doc_id": meta.get("doc_id") or ids[path], "text": text, "_file": str(path)}


def _decoded_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line) of a UTF-8 text file, read as a stream; one-line errors for
    binary, empty or mis-encoded input."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        offset, n, anything = 0, 0, False
        for n, raw in enumerate(fh, start=1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw, offset = raw[3:], 3
            if b"\x00" in raw and n <= 50:
                raise CorpusError(f"{path}: binary file (contains NUL bytes), expected UTF-8 text")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{path}: not UTF-8 (invalid byte 0x{raw[exc.start]:02x} at byte {offset + exc.start}, line {n}); "
                    "re-save the file as UTF-8") from None
            offset += len(raw)
            anything = anything or bool(line.strip())
            yield n, line
        if not anything:
            raise CorpusError(f"{path}: empty file")


def _check_header(header: list[str], where: str) -> None:
    """Every column named, no name twice (csv would keep the last column of a name silently)."""
    seen = set()
    for i, name in enumerate(header, start=1):
        if not name.strip():
            raise CorpusError(f"{where}, row 1: column {i} has no name")
        if name.strip() in seen:
            raise CorpusError(f"{where}, row 1: column name {name.strip()!r} used twice")
        seen.add(name.strip())


def _load_csv(path: Path, text_column: str, id_column: str) -> Iterator[dict]:
    """Records of a CSV corpus, read as a stream (rows may span lines inside quotes)."""
    lines = _decoded_lines(path)
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader((line for _, line in lines))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise CorpusError(f"{path}: malformed CSV ({exc})") from None
    _check_header(header, str(path))
    if text_column not in header:
        raise CorpusError(
            f"{path}: no '{text_column}' column (columns: {', '.join(header) or 'none'}); "
            "name the text column with --text-column"
        )
    i = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CorpusError(f"{path}, row {i + 1}: malformed CSV ({exc})") from None
        i += 1
        if None in row:
            raise CorpusError(f"{path}, row {i}: more fields than the header has")
        rec = {k: (v if k == text_column else (v or "").strip()) for k, v in row.items()}
        text = rec.pop(text_column) or ""
        doc_id = rec.pop(id_column, "") or f"{path.stem}-{i - 1:05d}"
        yield {**rec, "doc_id": doc_id, "text": text, "_where": f"{path}, row {i}", "_file": str(path)}


def _load_jsonl(path: Path, text_column: str, id_column: str) -> Iterator[dict]:
    """Records of a JSON Lines corpus, read as a stream."""
    for n, line in _decoded_lines(path):
        if not line.strip():
            continue
        where = f"{path}, line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except RecursionError:
            raise CorpusError(f"{where}: invalid JSON (nested too deeply)") from None
        except ValueError as exc:  # e.g. an integer of more than 4,300 digits
            raise CorpusError(f"{where}: invalid JSON ({exc})") from None
        if "\\u" in line and _has_lone_surrogate(obj):
            raise CorpusError(f"{where}: invalid JSON (a \\u escape names half a character, a lone surrogate)")
        if not isinstance(obj, dict):
            raise CorpusError(f"{where}: expected a JSON object, got {type(obj).__name__}")
        if text_column not in obj:
            raise CorpusError(f"{where}: no '{text_column}' field (fields: {', '.join(map(str, obj)) or 'none'})")
        if not isinstance(obj[text_column], str):
            raise CorpusError(f"{where}: '{text_column}' must be a string")
        rec = {str(k): ("" if v is None else v if isinstance(v, str) else json.dumps(v)) for k, v in obj.items()}
        text = obj[text_column]
        rec.pop(text_column)
        doc_id = str(rec.pop(id_column, "") or f"{path.stem}-{n:05d}")
        yield {**rec, "doc_id": doc_id, "text": text, "_where": where, "_file": str(path)}


def _has_lone_surrogate(value) -> bool:
    """JSON allows "\\ud800" alone, which is no character: it cannot be written as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


# --------------------------------------------------------------------------- public

def _records(source: CorpusSource) -> Iterator[dict]:
    path = Path(source.path)
    if not path.exists():
        raise CorpusError(f"{path}: no such file or folder")
    if path.is_dir():
        return _load_folder(path, filename_pattern=source.filename_pattern, recursive=source.recursive)
    if path.suffix.lower() == ".csv":
        return _load_csv(path, source.text_column, source.id_column)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return _load_jsonl(path, source.text_column, source.id_column)
    if path.suffix.lower() == ".txt":
        return iter([{"doc_id": file_doc_ids([path], path.parent)[path], "file": path.name,
                      "text": decode_text(_read_bytes(path), where=str(path)), "_where": str(path),
                      "_file": str(path)}])
    raise CorpusError(f"{path}: unsupported corpus format (use a folder of .txt files, a .csv or a .jsonl file)")


def _source(source: CorpusSource | str | Path) -> CorpusSource:
    return source if isinstance(source, CorpusSource) else CorpusSource(Path(source))


def iter_record_batches(source: CorpusSource | str | Path, *, chunk_size: int = 500,
                        chunk_chars: int | None = None) -> Iterator[list[dict]]:
    """The corpus as batches of raw records (before the documents table is built), of at
    most ``chunk_size`` records and, with ``chunk_chars``, at most that many characters of
    text (a longer single document is a batch of its own). Read as a stream. Records are
    not checked here: :func:`validate_corpus` does that, :func:`documents_table` builds them."""
    batch: list[dict] = []
    chars = 0
    for rec in _records(_source(source)):
        size = len(rec.get("text") or "")
        if batch and chunk_chars and chars + size > chunk_chars:
            yield batch
            batch, chars = [], 0
        batch.append(rec)
        chars += size
        if len(batch) >= chunk_size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def documents_table(records: list[dict], config: CorpusConfig) -> pd.DataFrame:
    """The documents table for a batch of raw records (the records are not changed)."""
    return _documents_table([dict(r) for r in records], config, {})


def documents_stage(tables: dict, rules) -> dict:
    """The partition's documents table, built from its raw records."""
    return {"documents": documents_table(tables["records"], rules.corpus_config)}


STAGE = Stage("documents", documents_stage, requires=("records",), provides=("documents",),
              reads=("corpus_config",))


def iter_documents(source: CorpusSource | str | Path, *, chunk_size: int = 500, chunk_chars: int | None = None,
                   config: CorpusConfig | None = None) -> Iterator[pd.DataFrame]:
    """The documents table in chunks (see :func:`iter_record_batches`), reading the corpus
    as a stream: at most one chunk of text is held at a time. Validation is the same as
    :func:`load` (duplicate ids are caught across chunks)."""
    source = _source(source)
    config = config or load_corpus_config()
    seen: dict[str, str] = {}
    for batch in iter_record_batches(source, chunk_size=chunk_size, chunk_chars=chunk_chars):
        yield _documents_table(batch, config, seen)
    if not seen:
        raise CorpusError(f"{source.path}: no documents")


def validate_corpus(source: CorpusSource | str | Path) -> int:
    """Read the whole corpus as a stream and raise the :class:`CorpusError` that
    :func:`iter_documents` would raise, without building any table; returns the number of
    documents. A run checks its input with this before it writes anything."""
    source = _source(source)
    seen: dict[str, str] = {}
    for rec in _records(source):
        _check_record(rec, seen)
    if not seen:
        raise CorpusError(f"{source.path}: no documents")
    return len(seen)


def load(path: str | Path, *, text_column: str = "text", id_column: str = "doc_id",
         config: CorpusConfig | None = None, filename_pattern: str | None = None,
         recursive: bool = False) -> pd.DataFrame:
    """Load a corpus (folder of .txt, .csv or .jsonl) into the documents table.

    For a folder, ``filename_pattern`` (e.g. ``"{country}_{session}_{year}"``) reads
    metadata from each file name (a ``year`` or ``date`` field becomes the publication
    date), and ``recursive`` includes .txt files in subfolders. For corpora too large to
    hold in memory, :func:`iter_documents` gives the same table in chunks.

    >>> docs = load(Path(__file__).parents[2] / "seeds")
    >>> docs.columns[:7].tolist()
    ['doc_id', 'title', 'title_basis', 'source', 'url', 'published', 'published_basis']
    """
    source = CorpusSource(Path(path), text_column=text_column, id_column=id_column,
                          filename_pattern=filename_pattern, recursive=recursive)
    return next(iter_documents(source, chunk_size=10 ** 9, config=config))


def _check_record(rec: dict, seen: dict[str, str]) -> tuple[str, str]:
    """The checks that can reject a record (id format, duplicate id, publication date);
    returns (doc_id, published). Records ``doc_id`` in ``seen``."""
    where = rec["_where"]
    doc_id = str(rec["doc_id"]).strip()
    if not _DOC_ID.match(doc_id):
        raise CorpusError(
            f"{where}: doc_id {doc_id!r} must start with a letter or digit and use only letters, "
            "digits, '.', '_' and '-' (at most 128 characters)"
        )
    if doc_id in seen:
        raise CorpusError(f"{where}: duplicate doc_id '{doc_id}' (first used at {seen[doc_id]})")
    seen[doc_id] = where
    published = parse_published(rec.get("published", "") or rec.get("date", "") or rec.get("year", ""), where=where)
    year = str(rec.get("year", "") or "").strip()
    if year and published and year != published[:4]:
        raise CorpusError(f"{where}: year {year!r} disagrees with the publication date {published!r}")
    return doc_id, published


def refine_with_dateline(published: str, stated: str) -> str:
    """The publication date, made as precise as the article's own dateline allows: the dateline
    when there is no date, or a more precise date that agrees with the one given (a year from the
    metadata completes a dateline without one).

    >>> refine_with_dateline("", "XXXX-11-02"), refine_with_dateline("2023", "XXXX-11-02")
    ('XXXX-11-02', '2023-11-02')
    >>> refine_with_dateline("2023-11", "2023-11-02"), refine_with_dateline("2023-10", "XXXX-11-02")
    ('2023-11-02', '2023-10')
    >>> refine_with_dateline("2023", "XXXX-02-29")  # no 29 February in 2023: the dateline does not fit
    '2023'
    """
    if not stated or not published:
        return stated or published
    if not re.fullmatch(r"\d{4}(?:-\d\d)?", published):
        return published
    completed = published[:4] + stated[4:] if stated.startswith("XXXX") else stated
    try:
        date.fromisoformat(completed)
    except ValueError:
        return published
    return completed if completed.startswith(published) else published


def _documents_table(records: list[dict], config: CorpusConfig, seen: dict[str, str] | None = None) -> pd.DataFrame:
    seen = {} if seen is None else seen
    rows = []
    for rec in records:
        doc_id, published = _check_record(rec, seen)
        rec.pop("_where")
        rec.pop("_file", None)
        text = rec.pop("text")
        info = describe_document(text, config)
        if not rec.pop("published", ""):  # a "date" beside a "published" value stays a column of its own
            rec.pop("date", None)
        basis = "metadata" if published else ""
        stated = refine_with_dateline(published, info["dateline_date"])
        if stated != published:
            published, basis = stated, "dateline"
        basis = basis or "unknown"
        rec.pop("year", None)  # checked against the date above, and derived from it below
        for name in DERIVED_FIELDS:  # computed here, never taken on trust; the input's value is kept
            if name in rec:
                rec[f"input_{name}"] = rec.pop(name)
        title = rec.pop("title", "") or ""
        if title:
            title_basis = "metadata"
        elif info["headline"]:
            title, title_basis = info["headline"], "headline"
        elif info["lead"]:
            title, title_basis = info["lead"], "lead"
        else:
            title_basis = "unknown"
        rows.append({
            **rec,
            "doc_id": doc_id,
            "title": title,
            "title_basis": title_basis,
            "source": rec.pop("source", "") or rec.pop("outlet", "") or "",
            "url": rec.pop("url", "") or "",
            "published": published,
            "published_basis": basis,
            "year": int(published[:4]) if published[:4].isdigit() else pd.NA,
            "dateline": info["dateline"],
            "body_start": info["body_start"],
            "body_end": info["body_end"],
            "n_chars": len(text),
            "text": text,
        })
    docs = pd.DataFrame(rows)
    extra = [c for c in docs.columns if c not in DOCUMENT_COLUMNS]
    docs = docs[DOCUMENT_COLUMNS[:-1] + sorted(extra) + ["text"]]
    docs["year"] = docs["year"].astype("Int64")
    return docs.reset_index(drop=True)
