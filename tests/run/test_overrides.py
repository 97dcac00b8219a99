"""A researcher's own codebooks reach every stage and every summary, edits take effect in the
same process, and a renamed frame goes through the framing report."""

import json
import shutil

import pytest

from analysis.cli import main
from analysis.config import CODEBOOK_DIR, CorpusSource, RunInputs
from analysis.errors import ParameterError, UserError
from analysis.run import build_tables, load_or_build
from analysis.views import frames as fr
from analysis.views import stance as st
from analysis.views.timeline import dated_rows

from conftest import write

TEXTS = [
    "The Quux extolled the drone ban on 3 May 2023. Kampuchea will remain impartial and keep its policy of "
    "non-alignment.",
    "Officials in Freedonia said on 4 May 2023 that the Quux had extolled the drone ban.",
    "Analysts expect further talks.",
]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    """A corpus, and a copy of the codebooks with one change per codebook file a run reads."""
    root = tmp_path_factory.mktemp("own")
    corpus = write(root / "corpus.jsonl", "".join(json.dumps({"doc_id": f"n{i}", "text": t, "date": "2023-05-05",
                                                              "source": "AB"[i % 2]})
                                                  + "\n" for i, t in enumerate(TEXTS)))
    books = root / "books"
    shutil.copytree(CODEBOOK_DIR, books)
    edit(books / "actors.yaml", "actors:\n", "actors:\n  - name: Zorblat Quux\n    type: leader\n"
                                            "    aliases: [the Quux, The Quux]\n")
    edit(books / "places.yaml", "Cambodia: {iso: KHM,", "Cambodia: {iso: KHM, names: [Kampuchea],")
    edit(books / "issues.yaml", "issues:\n", "issues:\n  - id: drones\n    label: drones\n    aliases: [drone*]\n")
    edit(books / "stance.yaml", "champion*,", "champion*, extol*,")
    edit(books / "frames.yaml", "  neutrality:\n    label: Neutrality and non-alignment",
         "  non_alignment:\n    label: Non-alignment")
    return corpus, books


@pytest.fixture(scope="module")
def own_tables(own, tmp_path_factory):
    corpus, books = own
    out = tmp_path_factory.mktemp("tables") / "out"
    assert main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1",
                 "--codebooks", str(books), "--frames", str(books / "frames.yaml")]) == 0
    run = load_or_build(tables_dir=out)
    run.folder = out
    return run


def test_every_stage_uses_the_researchers_codebooks(own_tables):
    t = own_tables.tables
    mentions = t["mentions"]
    assert "Zorblat Quux" in set(mentions["canonical"])                                      # actors.yaml
    assert ("Kampuchea", "Cambodia") in set(zip(mentions["text"], mentions["canonical"]))    # places.yaml
    assert "drones" in set(mentions.loc[mentions["kind"] == "issue", "canonical"])           # issues.yaml
    found = set(zip(t["stance"]["holder"], t["stance"]["target"], t["stance"]["stance"]))
    assert ("Zorblat Quux", "drones", "support") in found                                    # stance.yaml
    assert "non_alignment" in set(t["frames"]["frame"]) and "neutrality" not in set(t["frames"]["frame"])
    assert set(t["frame_profile"]["frame"]) == set(own_tables.codebooks.frames.ids)         # frames.yaml
    assert t["timeline"]["actors"].str.contains("Zorblat Quux").any()                        # via the mentions
    assert own_tables.codebooks.frames.ids[0] == "non_alignment"


def test_every_summary_uses_the_codebook_the_tables_were_coded_with(own_tables):
    t, book = own_tables.tables, own_tables.codebooks.frames
    frames, sentences, documents = t["frames"], t["sentences"], t["documents"]
    assert fr.cooccurrence(frames, book).loc["non_alignment", "non_alignment"] >= 1
    shares = fr.group_shares(frames, sentences, documents.assign(half=["a", "a", "b"]), book, group_by="half")
    assert shares.set_index(["group", "frame"]).loc[("a", "non_alignment"), "coded"] >= 1
    assert "non_alignment" in set(fr.shares_by_period(frames, sentences, documents, book)["frame"])
    table, _ = fr.compare_groups(frames, sentences, documents.assign(half=["a", "a", "b"]), book, group_by="half")
    assert table.empty  # two groups of one and two documents: too small to test, and no KeyError
    assert fr.codebook_table(book)["frame"].iloc[0] == "non_alignment"
    assert len(fr.strongest(frames, "non_alignment")) >= 1
    matrix = st.stance_matrix(t["stance"])
    assert ("Zorblat Quux", "drones") in set(zip(matrix["holder"], matrix["target"]))
    assert "Zorblat Quux" in set(dated_rows(t["timeline"])["lane"])


def test_a_notebook_cannot_pair_tables_with_another_frames_codebook(own_tables, own):
    _, books = own
    assert own_tables.inputs.frames == (books / "frames.yaml").resolve()  # recorded beside the tables
    with pytest.raises(UserError, match="were coded with"):
        load_or_build(tables_dir=own_tables.folder, frames_codebook=CODEBOOK_DIR / "frames.yaml")
    same = load_or_build(tables_dir=own_tables.folder, frames_codebook=books / "frames.yaml")
    assert same.codebooks.frames.ids == own_tables.codebooks.frames.ids


def test_an_edit_between_two_runs_in_one_process_is_used(own, tmp_path):
    """No codebook is cached by path: the second run in the same process sees the edit."""
    corpus, books = own
    mine = tmp_path / "books"
    shutil.copytree(books, mine)
    inputs = RunInputs(CorpusSource(corpus), codebooks=mine, frames=mine / "frames.yaml")
    first = build_tables(inputs)
    edit(mine / "stance.yaml", "champion*, extol*,", "champion*,")
    edit(mine / "frames.yaml", "threshold: 1.0", "threshold: 5.0")
    second = build_tables(inputs)
    assert ("Zorblat Quux", "drones") in set(zip(first["stance"]["holder"], first["stance"]["target"]))
    assert ("Zorblat Quux", "drones") not in set(zip(second["stance"]["holder"], second["stance"]["target"]))
    assert len(first["frames"]) and not len(second["frames"])


def test_tables_refuse_to_pair_with_rules_edited_since(own, tmp_path):
    corpus, books = own
    mine = tmp_path / "books"
    shutil.copytree(books, mine)
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1",
                 "--codebooks", str(mine)]) == 0
    first = load_or_build(tables_dir=out)  # read and kept for the next call in this process
    assert load_or_build(tables_dir=out).codebooks is first.codebooks
    edit(mine / "issues.yaml", "label: drones", "label: unmanned aircraft")
    with pytest.raises(UserError, match=r"the rules changed since these tables were made \(issues\)"):
        load_or_build(tables_dir=out)


def test_a_page_takes_one_documents_rows_of_each_table(own_tables):
    documents, stance = own_tables.tables["documents"], own_tables.tables["stance"]
    doc_id = documents["doc_id"].iloc[1]
    one = own_tables.for_document(doc_id)
    assert set(one) == {"documents", "paragraphs", "sentences", "stance", "frames", "timeline"}
    for name, rows in one.items():
        assert set(rows["doc_id"]) <= {doc_id}
        whole = own_tables.tables[name]
        assert rows.equals(whole[whole["doc_id"] == doc_id]), name  # the same rows, in table order
    assert len(one["stance"]) == (stance["doc_id"] == doc_id).sum() and len(one["documents"]) == 1
    assert own_tables.for_document("")["documents"]["doc_id"].tolist() == [documents["doc_id"].iloc[0]]
    # An id that differs only in case is the table's id, as elsewhere in the notebooks.
    assert own_tables.for_document(doc_id.swapcase())["stance"].equals(one["stance"])
    with pytest.raises(ParameterError, match="did you mean"):
        own_tables.for_document(doc_id + "x")


def test_tables_read_again_in_one_process_are_the_files_as_they_are_now(own, tmp_path):
    """The tables a kernel keeps between two calls are the files' contents: a table rewritten
    since is read again, and a column a notebook adds does not reach the next call."""
    corpus, _ = own
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    first = load_or_build(tables_dir=out).tables
    documents = first["documents"]
    documents["mine"] = 1
    documents.index.name = "mine"
    again = load_or_build(tables_dir=out).tables
    assert "mine" not in again["documents"] and again["documents"]["doc_id"].tolist() == documents["doc_id"].tolist()
    assert again["documents"].index.name is None
    path = out / "documents.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2]), encoding="utf-8")  # one document left
    assert len(load_or_build(tables_dir=out).tables["documents"]) == 1


@pytest.mark.notebook
def test_a_renamed_frame_goes_through_the_framing_and_timeline_reports(own, tmp_path):
    corpus, books = own
    out = tmp_path / "reports"
    assert main(["report", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "2",
                 "--only", "02_framing", "03_timeline", "--frames", str(books / "frames.yaml")]) == 0
    page = (out / "02_framing.html").read_text(encoding="utf-8")
    assert "non_alignment" in page and "Non-alignment" in page
    assert "Traceback" not in page and "KeyError" not in page
    assert "non_alignment" in (out / "03_timeline.html").read_text(encoding="utf-8")
