"""Scale: the same tables from every engine and partitioning; the partition cache; streaming."""

import filecmp
import json
import shutil

import pandas as pd
import pytest

import analysis.run.engines as engines
import analysis.text.layer as text_layer
from analysis.cli import main
from analysis.config import CODEBOOK_DIR, EngineOptions, load_rules
from analysis.errors import CorpusError
from analysis.run.build import build_tables
from analysis.run.engines import GC_YOUNG_THRESHOLD, _bulk_gc_here, run_partitions
from analysis.run.tables import write_tables
from analysis.text.corpus import iter_documents, load

from conftest import ROOT, write

HOSTILE = ROOT / "tests" / "data" / "hostile" / "corpus.jsonl"


def same_tables(a, b) -> list[str]:
    names = sorted(p.name for p in a.glob("*.csv"))
    assert names == sorted(p.name for p in b.glob("*.csv")) and names
    return [n for n in names if not filecmp.cmp(a / n, b / n, shallow=False)]


@pytest.fixture(scope="module")
def in_memory(tmp_path_factory):
    out = tmp_path_factory.mktemp("mem")
    write_tables(build_tables(ROOT / "seeds"), out)
    return out


@pytest.mark.parametrize("args", [
    ["--jobs", "1", "--partition-size", "500"],
    ["--jobs", "2", "--partition-size", "2"],
    ["--engine", "dask", "--jobs", "2", "--partition-size", "2"],
], ids=["local-1", "local-2-small-partitions", "dask-2"])
def test_every_engine_gives_the_same_tables(in_memory, tmp_path, args):
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--quiet", *args]) == 0
    assert same_tables(in_memory, out) == []
    parts = sorted((out / "parquet" / "sentences").glob("part-*.parquet"))
    assert parts and pd.concat(pd.read_parquet(p) for p in parts)["doc_id"].nunique() == 5


def test_hostile_corpus_through_both_engines(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["tables", "--corpus", str(HOSTILE), "--out", str(a), "--quiet", "--jobs", "1"]) == 0
    assert main(["tables", "--corpus", str(HOSTILE), "--out", str(b), "--quiet", "--engine", "dask", "--jobs", "2",
                 "--partition-size", "2"]) == 0
    assert same_tables(a, b) == []


def test_cache_reuses_partitions_and_recomputes_only_what_changed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    out = tmp_path / "out"
    args = ["tables", "--corpus", str(corpus), "--out", str(out), "--jobs", "1", "--partition-size", "2"]
    assert main(args) == 0
    assert "3 partitions (0 from the cache)" in capsys.readouterr().out
    assert main(args) == 0
    assert "3 partitions (3 from the cache)" in capsys.readouterr().out
    path = corpus / "004_8ccc33888f31d3ad.txt"  # the last partition holds only this article
    path.write_text(path.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    assert main(args) == 0
    assert "3 partitions (2 from the cache)" in capsys.readouterr().out
    assert main(args + ["--no-cache"]) == 0
    assert "3 partitions (0 from the cache)" in capsys.readouterr().out


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize("damage", [
    lambda out: _truncate(out / "tokens.csv"),
    lambda out: (out / "frames.csv").unlink(),
    lambda out: (out / "stance.csv").write_text("doc_id\n", encoding="utf-8"),
    lambda out: _truncate(sorted((out / "parquet" / "sentences").glob("*.parquet"))[0]),
], ids=["truncated", "deleted", "edited", "parquet-truncated"])
def test_a_warm_run_rebuilds_tables_that_are_not_as_written(in_memory, tmp_path, capsys, damage):
    out = tmp_path / "out"
    args = ["tables", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--jobs", "1"]
    assert main(args) == 0
    damage(out)
    assert main(args) == 0
    assert "(1 from the cache)" in capsys.readouterr().out  # the analysis is reused; only assembly redone
    assert same_tables(in_memory, out) == []
    parts = (out / "parquet" / "sentences").glob("*.parquet")
    assert pd.concat(pd.read_parquet(p) for p in parts)["doc_id"].nunique() == 5


def test_a_codebook_change_reuses_the_text_layer(tmp_path, monkeypatch):
    """A new frames codebook re-runs the analysis on the cached sentences (the text layer is
    not computed again) and gives the tables a cold run with that codebook gives."""
    frames = tmp_path / "frames.yaml"
    frames.write_text((CODEBOOK_DIR / "frames.yaml").read_text(encoding="utf-8").replace(
        "threshold: ", "threshold: 0.5  # was ", 1), encoding="utf-8")
    cache, warm, cold = tmp_path / "cache", tmp_path / "warm", tmp_path / "cold"
    base = ["tables", "--corpus", str(ROOT / "seeds"), "--quiet", "--jobs", "1", "--partition-size", "2"]
    assert main(base + ["--out", str(tmp_path / "first"), "--cache-dir", str(cache)]) == 0

    def no_tokenising(*args, **kwargs):
        raise AssertionError("the text layer was computed again")

    with monkeypatch.context() as m:
        m.setattr(text_layer, "text_layer", no_tokenising)
        assert main(base + ["--out", str(warm), "--cache-dir", str(cache), "--frames", str(frames)]) == 0
    assert main(base + ["--out", str(cold), "--no-cache", "--frames", str(frames)]) == 0
    assert same_tables(warm, cold) == []
    assert not filecmp.cmp(warm / "frames.csv", tmp_path / "first" / "frames.csv", shallow=False)


def test_an_interrupted_run_resumes(tmp_path):
    cache = tmp_path / "cache"
    chunks = list(iter_documents(ROOT / "seeds", chunk_size=2))
    rules, one = load_rules(), EngineOptions(jobs=1)
    keys_first, stats = run_partitions(chunks[:2], rules=rules, cache_dir=cache, options=one)  # then "killed"
    assert stats.cached_partitions == 0
    keys, stats = run_partitions(chunks, rules=rules, cache_dir=cache, options=one)
    assert stats.cached_partitions == 2 and keys[:2] == keys_first
    assert not list(cache.glob(".*"))  # no half-written partition left behind


def test_streaming_reads_in_chunks_with_the_same_result(tmp_path):
    docs = load(ROOT / "seeds")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps({"doc_id": d, "text": t}) + "\n" for d, t in zip(docs.doc_id, docs.text)))
    csvp = tmp_path / "c.csv"
    docs[["doc_id", "text"]].to_csv(csvp, index=False)
    for path in (jsonl, csvp):
        chunks = list(iter_documents(path, chunk_size=2))
        assert [len(c) for c in chunks] == [2, 2, 1]
        pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), load(path))


def test_duplicate_ids_are_caught_across_chunks(tmp_path):
    path = write(tmp_path / "c.jsonl", "".join(json.dumps({"doc_id": d, "text": "Some text."}) + "\n"
                                                for d in ["a", "b", "c", "a"]))
    with pytest.raises(CorpusError, match="line 4: duplicate doc_id 'a'"):
        list(iter_documents(path, chunk_size=2))


def test_bad_input_leaves_no_output_even_when_streaming(tmp_path):
    path = write(tmp_path / "c.jsonl", json.dumps({"text": "fine"}) + "\n" + "not json\n")
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(path), "--out", str(out), "--quiet", "--partition-size", "1"]) == 2
    assert not out.exists()


def test_run_leaves_garbage_collection_settings_as_they_were():
    import gc

    before = gc.get_threshold()
    with _bulk_gc_here():
        assert gc.get_threshold()[0] == GC_YOUNG_THRESHOLD
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_warm_run_starts_no_workers(tmp_path, monkeypatch, engine):
    args = ["tables", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--jobs", "2",
            "--partition-size", "2", "--engine", engine]
    assert main(args) == 0

    def no_workers(*a, **k):
        raise AssertionError("a warm run started workers")

    monkeypatch.setattr(engines, "WorkerPool", no_workers)
    import distributed

    monkeypatch.setattr(distributed, "LocalCluster", no_workers)
    assert main(args) == 0
    assert main(args[:-1] + ["local" if engine == "dask" else "dask"]) == 0  # the cache is the engines' own


def test_partitions_with_different_metadata_give_the_in_memory_documents_table(tmp_path):
    # Workers write each partition's documents.csv; assembly appends a fragment only when its
    # columns are the run's, and rewrites the others (here: every partition has other fields).
    records = [{"doc_id": "a", "text": "Cambodia said on Monday it will not send arms.", "date": "2022-03-07",
                "region": "Asia"},
               {"doc_id": "b", "text": "Ukraine thanked Cambodia for the demining training.", "date": "2023-01-16",
                "country": "UA"},
               {"doc_id": "c", "text": "The talks resumed last week.", "date": "2024-05-02"}]
    corpus = write(tmp_path / "corpus.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    mem, out = tmp_path / "mem", tmp_path / "out"
    write_tables(build_tables(corpus), mem)
    assert main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1",
                 "--partition-size", "1"]) == 0
    assert same_tables(mem, out) == []
    assert {"region", "country"} <= set(pd.read_csv(out / "documents.csv").columns)
