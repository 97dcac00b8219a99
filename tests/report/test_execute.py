"""Running one notebook: a disk that fills stops the run, never a page from a truncated notebook."""

import errno

import papermill
import pytest

from analysis.report.execute import Task, execute_task

from conftest import write

BOOK = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_write_error_is_raised_not_retried_as_a_dead_kernel(tmp_path, monkeypatch, code):
    calls = []

    def fails_writing(book, out, **kwargs):
        calls.append(out)
        with open(out, "w") as fh:
            fh.write('{"cells": [')  # what a full disk leaves behind
        raise OSError(code, "No space left on device")

    monkeypatch.setattr(papermill, "execute_notebook", fails_writing)
    book = write(tmp_path / "nb" / "one.ipynb", BOOK)
    task = Task(book=str(book), name="one", parameters={}, key="k")
    with pytest.raises(OSError) as error:
        execute_task(task, str(tmp_path / "out"), kernel="python3", with_code=False)
    assert error.value.errno == code and len(calls) == 1
    assert error.value.filename == str(tmp_path / "out" / "notebooks" / "one.ipynb")
    assert not list((tmp_path / "out").glob("*.html"))
    assert not (tmp_path / "out" / "notebooks" / "one.ipynb").exists()
