"""Evidence as HTML: everything escaped but the marks this code writes."""

import pandas as pd

from analysis.present.html import evidence_html, highlight


def test_highlight_escapes_everything_but_marks():
    out = highlight('<img src=x onerror="alert(1)"> peace talks', "peace talks")
    assert "<img" not in out and "&lt;img" in out and "<mark>peace talks</mark>" in out
    html = evidence_html(pd.DataFrame([{"doc_id": "<b>", "sentence_id": 0, "score": 1.0, "speaker": "",
                                        "evidence": "<script>x</script> war", "indicators": "war"}]))
    assert "<script>" not in html and "&lt;b&gt;" in html
