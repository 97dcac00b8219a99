"""Draw the Reuters-21578 political stories of the newswire hand-checks (`docs/handcheck/`).

    python benchmarks/handcheck_reuters.py OUT_DIR

Stories with at least four political words and two states or organisations named (the word
lists below; selection only, no analysis), under 4,000 characters, shuffled with seed 2026:
the first 300 are the precision corpus (`OUT_DIR/prec`, sampled with seeds 2323 and 2424), the
next 12 and the 12 after them the recall sets (`OUT_DIR/rec`, `OUT_DIR/rec2`). Each story is
written as `<doc_id>.txt`: its title, a blank line, its dateline and body. Then run
`python -m analysis tables --corpus OUT_DIR/prec --out ...` on each folder.

Data: ../shared/benchmarks/reuters21578 (cited in the README; not copied).
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import read_stories  # noqa: E402

from analysis.evaluation.data import SHARED_BENCHMARKS  # noqa: E402

POLITICAL = re.compile(r"\b(?:minister|government|president|talks|sanctions|embassy|diplomat\w*|foreign|parliament|"
                       r"treaty|envoy|summit|accused|condemned|urged|warned|rejected|denied|criticised|criticized|"
                       r"backed|welcomed)\b", re.I)
STATES = re.compile(r"\b(?:United States|U\.S\.|Soviet|Moscow|Washington|Japan|Tokyo|Britain|London|France|Paris|"
                    r"West Germany|Bonn|China|Peking|Iran|Iraq|Israel|Egypt|Saudi|Kuwait|Brazil|Mexico|Argentina|"
                    r"Canada|Australia|India|Pakistan|South Africa|Nicaragua|Libya|Syria|Lebanon|Taiwan|Korea|"
                    r"Philippines|Indonesia|Malaysia|Thailand|EC|European Community|NATO|OPEC|GATT|United Nations)\b")
SEED = 2026
SETS = {"prec": (0, 300), "rec": (300, 312), "rec2": (312, 324)}


def political_stories() -> list[dict]:
    stories = read_stories(SHARED_BENCHMARKS / "reuters21578")
    return [s for s in stories if len(POLITICAL.findall(s["text"])) >= 4
            and len(set(STATES.findall(s["text"]))) >= 2 and len(s["text"]) < 4000]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    if not (SHARED_BENCHMARKS / "reuters21578").exists():
        print(f"skipped: {SHARED_BENCHMARKS / 'reuters21578'} not found (shared/ sits beside the project)")
        return 0
    stories = political_stories()
    random.seed(SEED)
    random.shuffle(stories)
    for name, (a, b) in SETS.items():
        out = Path(sys.argv[1]) / name
        out.mkdir(parents=True, exist_ok=True)
        for s in stories[a:b]:
            (out / f"{s['doc_id']}.txt").write_text(f"{s['title']}\n\n{s['text']}\n", encoding="utf-8")
    print(f"{len(stories)} political stories; sets written under {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
