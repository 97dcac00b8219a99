"""Writing never leaves a half-written file or folder, whatever goes wrong."""

import pytest

from analysis.atomic import replaced_dir, replaced_file, write_atomic


def test_a_failed_folder_write_keeps_the_old_folder(tmp_path):
    with replaced_dir(tmp_path / "out") as tmp:
        (tmp / "a.txt").write_text("first")
    with pytest.raises(RuntimeError), replaced_dir(tmp_path / "out") as tmp:
        (tmp / "a.txt").write_text("second")
        raise RuntimeError("disk full")
    assert (tmp_path / "out" / "a.txt").read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_failed_file_write_keeps_the_old_file(tmp_path):
    write_atomic(tmp_path / "f.txt", "first")
    with pytest.raises(RuntimeError), replaced_file(tmp_path / "f.txt") as tmp:
        tmp.write_text("sec")
        raise RuntimeError("interrupted")
    assert (tmp_path / "f.txt").read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_written_files_are_readable_by_others_as_with_open(tmp_path):
    write_atomic(tmp_path / "page.html", "<p>x</p>")
    (tmp_path / "plain.html").write_text("<p>x</p>")
    assert (tmp_path / "page.html").stat().st_mode == (tmp_path / "plain.html").stat().st_mode


def test_a_write_that_fails_unnamed_names_the_destination(tmp_path):
    # A full disk fails write() with no file name; the error must say which output it was.
    with pytest.raises(OSError) as error, replaced_file(tmp_path / "tokens.csv") as tmp:
        tmp.write_text("half")
        raise OSError(28, "No space left on device")
    assert error.value.filename == str(tmp_path / "tokens.csv")
    assert [p.name for p in tmp_path.iterdir()] == []
