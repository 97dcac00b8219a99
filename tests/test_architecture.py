"""The package's shape: imports point one way, with no cycle even inside functions; the
stages declare what they need and make; the cache keys follow those declarations."""

import ast
from pathlib import Path

import pytest

from analysis.run import hashing
from analysis.schema import PARTITION_TABLES, RULES, Stage, check_stages, stages_for
from analysis.stages import STAGES

#: Each package may import only from itself and the packages listed before it.
LAYERS = [
    {"analysis.errors", "analysis.schema", "analysis.atomic", "analysis.paths"},
    {"analysis.lang"},
    {"analysis.config"},
    {"analysis.text"},
    {"analysis.stages"},
    {"analysis.views", "analysis.present"},
    {"analysis.run"},
    {"analysis.evaluation"},
    {"analysis.report"},
    {"analysis.cli", "analysis.__main__", "analysis"},
]


def _layer_of(module: str) -> int:
    for depth in (2, 1):
        prefix = ".".join(module.split(".")[:depth])
        for i, layer in enumerate(LAYERS):
            if prefix in layer:
                return i
    raise AssertionError(f"{module} belongs to no layer: add its package to LAYERS")


def _ast_imports(module: str) -> set[str]:
    """The package's modules ``module`` imports, by Python's own parser (every statement,
    inside functions too)."""
    path = hashing.module_path(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "analysis"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == "analysis":
                target = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if hashing.module_path(sub) is not None else target)
    return {m for m in found if hashing.module_path(m) is not None and m != module}


MODULES = hashing.package_modules()
GRAPH = {m: _ast_imports(m) for m in MODULES}


def test_the_fast_import_scan_agrees_with_the_parser():
    """The cache keys read imports with a pattern (fast); it must see what Python sees."""
    assert {m: hashing.internal_imports(m) for m in MODULES} == GRAPH


def test_no_import_cycle_not_even_inside_functions():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in MODULES:
        if m not in state:
            visit(m)


@pytest.mark.parametrize("module", MODULES)
def test_imports_point_one_way(module):
    upward = sorted(n for n in GRAPH[module] if _layer_of(n) > _layer_of(module))
    assert not upward, f"{module} imports from a later layer: {upward}"


def test_stages_never_import_the_runner_and_the_runner_never_the_report():
    for module, imports in GRAPH.items():
        if module.startswith(("analysis.stages", "analysis.text", "analysis.config")):
            assert not {n for n in imports if n.startswith(("analysis.run", "analysis.report"))}, module
        if module.startswith("analysis.run"):
            assert not {n for n in imports if n.startswith("analysis.report")}, module


def test_every_stage_gets_what_it_requires_from_an_earlier_one():
    check_stages(STAGES)
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    for stage in STAGES:
        assert set(stage.reads) <= set(RULES), stage.name
        assert hashing.module_path(stage.module) is not None, stage.name


@pytest.mark.parametrize("stages, message", [
    ((Stage("a", print, requires=("sentences",), provides=("x",)),), "requires 'sentences'"),
    ((Stage("a", print, requires=("records",), provides=("x",)), Stage("b", print, requires=("x",), provides=("x",))),
     "provides 'x', which an earlier stage provides"),
    ((Stage("a", print, requires=("records",), provides=("x",), reads=("astrology",)),), "unknown rules"),
    ((Stage("a", print, requires=("records",), provides=("documents",)),), "no stage provides"),
])
def test_inconsistent_stages_are_refused(stages, message):
    with pytest.raises(ValueError, match=message):
        check_stages(stages)


def test_the_stages_make_every_partition_table():
    made = {t for s in STAGES for t in (*s.provides, *s.updates)}
    assert set(PARTITION_TABLES) <= made


def test_the_text_layer_key_depends_on_the_text_stages_only():
    """A change to stance, framing, timelines or a codebook leaves a cached text layer valid."""
    text = stages_for(STAGES, ("paragraphs", "quotes", "sentences", "tokens"))
    assert [s.name for s in text] == ["documents", "text"]
    closure = hashing.code_closure([s.module for s in text])
    assert "analysis.text.layer" in closure and "analysis.text.treebank" in closure
    assert not [m for m in closure if m.startswith(("analysis.stages", "analysis.run", "analysis.report"))]
    assert {r for s in text for r in s.reads} == {"corpus_config"}


def test_stage_keys_change_with_the_rules_they_read(tmp_path):
    import shutil

    from analysis.config import CODEBOOK_DIR, CorpusSource, RunInputs, load_rules

    folder = tmp_path / "books"
    shutil.copytree(CODEBOOK_DIR, folder)
    (folder / "frames.yaml").write_text((folder / "frames.yaml").read_text().replace("threshold: 1.0",
                                                                                      "threshold: 2.0"))
    package = load_rules()
    edited = load_rules(RunInputs(CorpusSource(Path(".")), frames=folder / "frames.yaml"))
    frames_stage = [s for s in STAGES if s.name == "frames"]
    stance_stage = [s for s in STAGES if s.name == "stance"]
    assert hashing.stage_digest(frames_stage, package) != hashing.stage_digest(frames_stage, edited)
    assert hashing.stage_digest(stance_stage, package) == hashing.stage_digest(stance_stage, edited)


def test_importing_the_package_changes_nothing_outside_it():
    """No import-time side effects: matplotlib's settings and NLTK's data path stay as they were."""
    import subprocess
    import sys

    code = ("import matplotlib, os, sys; before = dict(matplotlib.rcParams); env = os.environ.get('NLTK_DATA'); "
            "import analysis, analysis.present.plots, analysis.views.explore, analysis.report.suite; "
            "assert dict(matplotlib.rcParams) == before, 'rcParams changed'; "
            "assert os.environ.get('NLTK_DATA') == env, 'NLTK_DATA changed'; "
            "assert 'nltk' in sys.modules  # views.explore imports NLTK's collocations, nothing more\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={k: v for k, v in __import__("os").environ.items() if k != "NLTK_DATA"})
    assert result.returncode == 0, result.stderr


def test_reading_tables_does_not_import_nltk():
    """A notebook that only reads tables imports neither NLTK nor the stages' heavy parts."""
    import subprocess
    import sys

    code = ("import sys; import analysis.run; "
            "assert 'nltk' not in sys.modules, 'nltk imported'; assert 'dask' not in sys.modules, 'dask imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
