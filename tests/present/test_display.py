"""The one table helper: readable, complete, escaped once."""

import pandas as pd
import pytest

from analysis.present.display import VISIBLE_ROWS, note, table


def test_no_index_column_and_text_left_numbers_right():
    html = table(pd.DataFrame({"doc_id": ["a", "b"], "sentences": [3, 12]}, index=[7, 9])).html
    assert ">7<" not in html and ">9<" not in html  # what was left of a filter
    assert '<td class="num">12</td>' in html and "<td>a</td>" in html


def test_a_meaningful_index_is_kept_as_a_column():
    df = pd.DataFrame({"share": [0.5]}, index=pd.Index(["neutrality"], name="frame"))
    assert "<th>frame</th>" in table(df).html and "neutrality" in table(df).html


@pytest.mark.parametrize("values, shown", [
    ([0.2857, 0.0], ["28.6%", "0.0%"]),
    ([1.0, 0.125], ["100.0%", "12.5%"]),
])
def test_shares_are_percentages(values, shown):
    html = table(pd.DataFrame({"frame": ["a", "b"], "share": values})).html
    assert all(s in html for s in shown)


def test_one_number_format_per_column():
    html = table(pd.DataFrame({"g": ["a", "b", "c"], "x": [0.0, 0.5, 0.00001]})).html
    assert "0.000<" in html and "0.500<" in html and "&lt;0.001" in html


def test_constant_columns_go_to_the_caption():
    html = table(pd.DataFrame({"collocation": ["a b", "c d"], "measure": ["pmi", "pmi"], "n": [2, 2]})).html
    assert "In every row: measure = pmi; n = 2." in html and "<th>measure</th>" not in html


def test_long_tables_are_complete_and_folded():
    df = pd.DataFrame({"i": range(VISIBLE_ROWS + 5), "text": [f"sentence {i}" for i in range(VISIBLE_ROWS + 5)]})
    html = table(df).html
    assert "<details" in html and "Show the other 5 rows" in html
    assert all(f"sentence {i}<" in html for i in range(VISIBLE_ROWS + 5))  # nothing cut


def test_cells_are_escaped_once_and_never_links():
    html = table(pd.DataFrame({"title": ["<script>x</script> & 'q'", "https://evil.example"],
                               "n": [1, 2]})).html
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; &#x27;q&#x27;" in html
    assert "<a " not in html


def test_dates_stay_on_one_line_and_the_author_has_a_voice():
    html = table(pd.DataFrame({"published": ["2024-04-03", "XXXX-11-02"], "speaker": ["", "Hun Sen"]})).html
    assert '<td class="date">2024-04-03</td>' in html and "(author)" in html


def test_an_empty_table_says_so():
    assert "No finding." in table(pd.DataFrame({"a": []}), empty="No finding.").html
    assert note("").html.endswith("</p>")
