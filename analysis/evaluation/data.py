"""Where the evaluation data are: the project's gold files, and the public benchmarks in
``../shared/benchmarks`` beside the project (cited in the README, never copied)."""

from ..paths import PROJECT_ROOT

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
SHARED_BENCHMARKS = PROJECT_ROOT.parent / "shared" / "benchmarks"
