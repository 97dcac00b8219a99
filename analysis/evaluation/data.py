"""Where the evaluation data are: the project's gold files, and the public benchmarks in
``../shared/benchmarks`` beside the project (cited in the README, never copied)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
SEEDS_DIR = PROJECT_ROOT / "seeds"
SHARED_BENCHMARKS = PROJECT_ROOT.parent / "shared" / "benchmarks"
