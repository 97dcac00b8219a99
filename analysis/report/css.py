"""Only the CSS a page uses: the JupyterLab style sheets cut down to the rules that can apply.

nbconvert's ``lab`` template inlines JupyterLab's whole style sheet and theme (about 260 KB)
into every page; an article page carries a few KB of its own. :func:`page_css` keeps a rule
when one of its selectors can match the page (every class, id and element name it names
occurs in the page), an ``@media`` block when a rule inside it is kept, a ``@keyframes``
block when a kept rule names it, and of the theme's custom properties (``--jp-...``) those
that a kept rule or the page itself uses, directly or through another property. What a
selector says beyond names (``:hover``, ``[data-x]``, ``:not(...)``) is not tested, so a
rule that may apply is kept: the page looks the same (``tests/report/test_css.py`` compares
screenshots in Chromium), with about a tenth of the CSS.

The style sheets are nbconvert's own files; article text never reaches the CSS, and it
reaches the page only escaped (so it cannot add a class that keeps a rule: at worst an
escaped text keeps a rule that does nothing).

>>> css = ".a { color: var(--c) } .b { color: red } :root { --c: blue; --d: green }"
>>> print(page_css(css, '<p class="a">x</p>'))
.a{color: var(--c)}
:root{--c: blue}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_CLASS_ATTR = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass(frozen=True)
class _Rule:
    """One rule of the style sheet: what its selectors need, its text, the properties it
    defines and uses, the ``@keyframes`` it names."""

    needs: tuple[tuple[frozenset, frozenset, frozenset], ...]  # per selector: (classes, ids, elements)
    prelude: str
    declarations: tuple[tuple[str, str, frozenset], ...]  # (name, text, custom properties it uses)
    children: tuple[_Rule, ...] = ()  # the rules of an @media or @supports block
    keyframes: str = ""  # the name of a @keyframes block (kept whole when named)
    text: str = ""  # a block kept as it is (@keyframes, @page, @font-face)


def _uses(tokens) -> frozenset:
    """The custom properties a value uses (``var(--x)``, also inside other functions)."""
    import tinycss2

    return frozenset(_VAR.findall(tinycss2.serialize(tokens)))


def _selector_needs(prelude) -> tuple[tuple[frozenset, frozenset, frozenset], ...]:
    """Per selector of a rule's prelude: the classes, ids and element names it names outside
    functional pseudo-classes and attribute brackets."""
    from tinycss2 import ast

    selectors, current = [], []
    for token in [*prelude, ast.LiteralToken(0, 0, ",")]:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    needs = []
    for tokens in selectors:
        classes, ids, elements = set(), set(), set()
        previous = None
        for token in tokens:
            if isinstance(token, ast.IdentToken):
                if isinstance(previous, ast.LiteralToken) and previous.value == ".":
                    classes.add(token.value)
                elif not (isinstance(previous, ast.LiteralToken) and previous.value == ":"):
                    elements.add(token.lower_value)
            elif isinstance(token, ast.HashToken):
                ids.add(token.value)
            previous = token
        needs.append((frozenset(classes), frozenset(ids), frozenset(elements)))
    return tuple(needs)


def _rules(nodes) -> tuple[_Rule, ...]:
    import tinycss2
    from tinycss2 import ast

    out = []
    for node in nodes:
        if isinstance(node, ast.QualifiedRule):
            declarations, nested = [], False
            for d in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True):
                if isinstance(d, ast.Declaration):
                    value = tinycss2.serialize(d.value).strip()
                    text = f"{d.name}: {value}" + (" !important" if d.important else "")
                    declarations.append((d.name, text, _uses(d.value)))
                elif isinstance(d, (ast.QualifiedRule, ast.AtRule)):
                    nested = True
            needs, prelude = _selector_needs(node.prelude), tinycss2.serialize(node.prelude).strip()
            if nested:  # CSS nesting: the rule is kept whole when its own selector can apply
                out.append(_Rule(needs, prelude, (), text=node.serialize()))
            else:
                out.append(_Rule(needs, prelude, tuple(declarations)))
        elif isinstance(node, ast.AtRule):
            prelude = tinycss2.serialize(node.prelude).strip()
            if node.lower_at_keyword in ("media", "supports", "layer", "container") and node.content is not None:
                children = _rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))
                out.append(_Rule((), f"@{node.at_keyword} {prelude}", (), children=children))
            elif node.lower_at_keyword == "keyframes":
                out.append(_Rule((), "", (), keyframes=prelude, text=node.serialize()))
            else:
                out.append(_Rule(((frozenset(), frozenset(), frozenset()),), "", (), text=node.serialize()))
    return tuple(out)


@lru_cache(maxsize=8)
def _parsed(css: str) -> tuple[_Rule, ...]:
    """The style sheet parsed once per process: the template's CSS is the same on every page."""
    import tinycss2

    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _names(pattern: re.Pattern, page: str) -> set[str]:
    return {name for m in pattern.finditer(page) for value in m.groups() if value for name in value.split()}


def page_css(css: str, page: str) -> str:
    """The rules of ``css`` that can apply to the HTML ``page``, one a line (see the module)."""
    classes, ids = _names(_CLASS_ATTR, page), _names(_ID_ATTR, page)
    elements = {m.group(1).lower() for m in _TAG.finditer(page)}

    def applies(rule: _Rule) -> bool:
        return any(c <= classes and i <= ids and e <= elements for c, i, e in rule.needs)

    def kept(rules) -> list[_Rule]:
        out = []
        for rule in rules:
            if rule.children:
                inner = kept(rule.children)
                if inner:
                    out.append(_Rule((), rule.prelude, (), children=tuple(inner)))
            elif rule.keyframes or applies(rule):
                out.append(rule)
        return out

    chosen = kept(_parsed(css))
    flat = _flatten(chosen)
    # The custom properties in use: those a kept declaration or the page itself uses, and
    # those that their definitions use in turn.
    defines: dict[str, set[str]] = {}
    used = set(_VAR.findall(page))
    for rule in flat:
        if rule.text and not rule.keyframes:  # kept whole: what it uses is used
            used.update(_VAR.findall(rule.text))
        for name, _, uses in rule.declarations:
            if name.startswith("--"):
                defines.setdefault(name, set()).update(uses)
            else:
                used |= uses
    todo = list(used)
    while todo:
        for name in defines.get(todo.pop(), ()):
            if name not in used:
                used.add(name)
                todo.append(name)
    text = " ".join(d for rule in flat for _, d, _ in rule.declarations if not d.startswith("--"))

    def lines(rules, indent: str = "") -> list[str]:
        out = []
        for rule in rules:
            if rule.children:
                inner = lines(rule.children, indent + "  ")
                if inner:
                    out += [f"{indent}{rule.prelude}{{", *inner, f"{indent}}}"]
            elif rule.keyframes:
                if re.search(rf"(?<![\w-]){re.escape(rule.keyframes)}(?![\w-])", text + page):
                    out.append(indent + rule.text)
            elif rule.text:
                out.append(indent + rule.text)
            else:
                body = "; ".join(d for name, d, _ in rule.declarations if not name.startswith("--") or name in used)
                if body:
                    out.append(f"{indent}{rule.prelude}{{{body}}}")
        return out

    return "\n".join(lines(chosen))


def _flatten(rules) -> list[_Rule]:
    return [r for rule in rules for r in ([rule] if not rule.children else _flatten(rule.children))]


_HEAD_STYLE = re.compile(r"<style[^>]*>(.*?)</style>\s*", re.DOTALL)


def light_page(page: str) -> str:
    """A rendered page with the style sheets in its ``<head>`` (the template's, trusted)
    replaced by one sheet of the rules the page uses; the body is left as it is."""
    head, sep, body = page.partition("</head>")
    if not sep:
        return page
    sheets = _HEAD_STYLE.findall(head)
    if not sheets:
        return page
    css = page_css("\n".join(sheets), _HEAD_STYLE.sub("", head) + body)
    first = _HEAD_STYLE.search(head)
    rest = _HEAD_STYLE.sub("", head[first.end():])
    return f'{head[:first.start()]}<style type="text/css">\n{css}\n</style>\n{rest}{sep}{body}'
