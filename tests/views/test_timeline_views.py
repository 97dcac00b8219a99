"""What the timeline chart draws: an axis where the events are, a bounded number of lanes."""

from datetime import date

import pandas as pd

from analysis.views.timeline import MAX_LANES, dated_rows, timeline_layout


def _timeline(rows):
    return pd.DataFrame([{"doc_id": "d", "sentence_id": i, "char_start": i * 10, "char_end": i * 10 + 5,
                          "expression": e, "type": "DATE", "value": v, "granularity": g, "anchor": "explicit",
                          "mod": "", "event": "", "event_start": 0, "event_end": 0, "actors": a, "issues": "",
                          "statement": False, "event_id": ""}
                         for i, (e, v, g, a) in enumerate(rows)])


DOCS = pd.DataFrame({"doc_id": ["d"], "published_earliest": ["2023-05-10"], "published_latest": ["2023-05-10"]})


def test_a_long_range_does_not_stretch_the_axis():
    tl = _timeline([("since 2009", "2009", "year", "Cambodia"), ("on May 2", "2023-05-02", "day", "Cambodia"),
                    ("on May 9", "2023-05-09", "day", "Laos")])
    layout = timeline_layout(dated_rows(tl), DOCS)
    assert layout.start >= date(2023, 4, 1) and layout.end <= date(2023, 6, 1)
    assert layout.drawn == 3 and "drawn as arrows" in layout.note


def test_lanes_are_the_most_frequent_actors_and_the_rest_are_named():
    rows = [(f"on May {d}", f"2023-05-{d:02d}", "day", f"Actor {a}") for a in range(MAX_LANES + 3)
            for d in range(1, 2 + (a == 0) * 5)]
    layout = timeline_layout(dated_rows(_timeline(rows)), DOCS)
    assert len(layout.lanes) == MAX_LANES and layout.lanes[0] == "Actor 0"
    left_out = {f"Actor {a}" for a in range(MAX_LANES + 3)} - set(layout.lanes)
    assert len(left_out) == 3 and all(name in layout.note for name in left_out)


def test_actors_are_checked_against_the_timeline():
    import pytest

    from analysis.errors import ParameterError

    tl = _timeline([("on May 2", "2023-05-02", "day", "Cambodia")])
    assert len(dated_rows(tl, actors="cambodia")) == 1
    with pytest.raises(ParameterError, match="did you mean 'Cambodia'"):
        dated_rows(tl, actors=["Cambodja"])
