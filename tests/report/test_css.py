"""Only the CSS a page uses: a rule is kept when it can apply, and so are the properties it needs."""

import pytest

from analysis.report.css import light_page, page_css

SHEET = """
:root { --ink: #111; --paper: white; --accent: var(--blue); --blue: #00f; --unused: red }
body { color: var(--ink) }
.kept { color: var(--accent) }
.gone { color: green }
div.kept-too > span { margin: 0 }
.jp-Cell .missing { padding: 0 }
a:hover { color: var(--paper) }
.kept::before { content: "x" }
.kept:not(.other) { border: 0 }
td[data-x="1"] { width: 1px }
#anchor { top: 0 }
@media print { .kept { color: black } .gone { color: grey } }
@media screen { .gone { color: blue } }
@keyframes spin { from { opacity: 0 } to { opacity: 1 } }
@keyframes fade { from { opacity: 0 } }
.kept { animation: spin 1s }
.kept { color: red; & span { color: var(--nested) } }
@font-face { font-family: x; src: var(--font) }
:root { --nested: 1px; --font: none }
"""

PAGE = ('<body><div class="kept kept-too"><span>text</span><a href="#">link</a></div>'
        '<table><tr><td>cell</td></tr></table><p id="anchor">p</p></body>')


@pytest.mark.parametrize("rule, kept", [
    ("body{color: var(--ink)}", True),                      # an element the page has
    (".kept{color: var(--accent)}", True),                  # a class it has
    (".gone{", False),                                      # a class it does not have
    ("div.kept-too > span{", True),                         # every name of the selector present
    (".jp-Cell .missing{", False),                          # one name missing
    ("a:hover{", True),                                     # a state is not tested: kept
    (".kept::before{", True),
    (".kept:not(.other){", True),                           # what :not() names is not required
    ('td[data-x="1"]{', True),                              # nor an attribute's value
    ("#anchor{", True),                                     # an id the page has
    ("@media print{", True),                                # a block with a kept rule inside
    ("@media screen{", False),                              # a block with none
    ("@keyframes spin", True),                              # named by a kept rule
    ("@keyframes fade", False),
])
def test_a_rule_is_kept_when_it_can_apply(rule, kept):
    assert (rule in page_css(SHEET, PAGE)) == kept


def test_custom_properties_are_kept_when_used_directly_or_through_another():
    css = page_css(SHEET, PAGE)
    root = next(line for line in css.splitlines() if line.startswith(":root"))
    assert "--ink: #111" in root and "--accent: var(--blue)" in root and "--blue: #00f" in root
    assert "--paper: white" in root  # used by a:hover
    assert "--unused" not in root


def test_a_nested_rule_is_kept_whole_with_what_it_uses():
    css = page_css(SHEET, PAGE)
    assert "& span" in css and "--nested: 1px" in css
    assert "@font-face" in css and "--font: none" in css


def test_a_property_the_page_itself_uses_is_kept():
    assert "--unused: red" in page_css(SHEET, '<p style="color: var(--unused)">x</p>')


def test_article_text_cannot_keep_rules_it_does_not_show():
    """Text is escaped in a page: a class named in an article's text is no class of the page."""
    assert ".gone{" not in page_css(SHEET, "<p>&lt;p class=&quot;gone&quot;&gt;</p>")


def test_a_page_keeps_its_head_and_body_with_one_sheet_of_the_rules_it_uses():
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title>'
            f'<style type="text/css">{SHEET}</style><style>.nav {{ margin: 0 }}</style>'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head>'
            f'{PAGE}</html>')
    light = light_page(page)
    head, body = light.split("</head>")
    assert head.count("<style") == 1 and ".gone" not in head and ".kept{" in head
    assert "<title>T</title>" in head and "Content-Security-Policy" in head
    assert body == PAGE + "</html>"
    assert light_page(light) == light  # idempotent
