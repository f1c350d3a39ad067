"""Check a hand-written entity gold (`tests/gold/entities_depth2.txt` by default, or the file given,
e.g. `tests/gold/entities_depth3.txt`) mechanically.

Reads only the gold file (no project code): every line parses (`tune`/`test` prefix, balanced
`[[LABEL|text]]` marks, a known label, a span without surrounding white space), every 12-digit CN
application number marked as a patent number carries a valid check digit, and the counts per label
and split are printed. Exit status 1 when a line is wrong.

    python3 scripts/check_entities_gold.py [path]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

LABELS = frozenset({"ORGANIZATION", "PERSON", "MONEY", "IPC", "DATE", "PATENT_NUMBER"})
SPLITS = ("tune", "test")
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]|]+)\]\]")
# a CN application number: 12 digits (2003 on), a dot optional, a check digit; 8-digit numbers
# (before 2003) only with a CN/ZL prefix, since a bare one cannot be told from an EP application
CN_APPLICATION = re.compile(
    r"^(?:(?:CN|ZL)?\s*(\d{4}\s?\d\s?\d{7})|(?:CN|ZL)\s*(\d{8}))\.?([\dX])$"
)
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "tests" / "gold" / "entities_depth2.txt"


def check_digit(digits: str) -> str:
    """CNIPA's rule: weights 2..9 repeating over the digits, sum mod 11, 10 written X."""
    weights = [2, 3, 4, 5, 6, 7, 8, 9] * 2
    remainder = sum(int(d) * weights[i] for i, d in enumerate(digits)) % 11
    return "X" if remainder == 10 else str(remainder)


def line_errors(body: str) -> list[str]:
    errors: list[str] = []
    rest = MARK.sub("", body)
    if "[[" in rest or "]]" in rest:
        errors.append("unbalanced or malformed [[ ]]")
    for label, text in MARK.findall(body):
        if label not in LABELS:
            errors.append(f"unknown label {label}")
        if text != text.strip():
            errors.append(f"white space around span {text!r}")
        if label == "PATENT_NUMBER":
            match = CN_APPLICATION.match(text)
            if match:
                digits = (match.group(1) or match.group(2)).replace(" ", "")
                if check_digit(digits) != match.group(3):
                    errors.append(f"bad CN check digit {text!r}")
    return errors


def main(path: Path) -> int:
    counts: dict[str, Counter[str]] = {split: Counter() for split in SPLITS}
    lines_per_split: Counter[str] = Counter()
    failures = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        split, tab, body = raw.partition("\t")
        errors = [] if tab and split in SPLITS else ["no tune<TAB>/test<TAB> prefix"]
        errors += line_errors(body)
        if errors:
            failures += 1
            print(f"line {number}: {'; '.join(errors)}")
            continue
        lines_per_split[split] += 1
        counts[split].update(label for label, _ in MARK.findall(body))
    print(f"{'label':<14}" + "".join(f"{s:>7}" for s in SPLITS) + f"{'all':>7}")
    for label in sorted(LABELS):
        row = [counts[s][label] for s in SPLITS]
        print(f"{label:<14}" + "".join(f"{n:>7}" for n in row) + f"{sum(row):>7}")
    totals = [sum(counts[s].values()) for s in SPLITS]
    print(f"{'entities':<14}" + "".join(f"{n:>7}" for n in totals) + f"{sum(totals):>7}")
    lines = [lines_per_split[s] for s in SPLITS]
    print(f"{'lines':<14}" + "".join(f"{n:>7}" for n in lines) + f"{sum(lines):>7}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
