"""Write the files of a contract gold set from its UTF-8 sources, as its gold says each one is.

    python3 scripts/make_gold_set.py contracts_depth3 contracts_depth5 contracts_depth6 ...

Each name is a folder of tests/gold with source/<name>.txt files and a gold tests/gold/<name>.json
whose entries give each file's `format`, `encoding` and `script`; the writers are those of
scripts/make_gold_depth.py (a line with tabs is a table row), so the committed DOCX, PDF and
GB18030 files reproduce byte for byte.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_gold_depth import write_contracts

GOLDS = Path(__file__).resolve().parents[1] / "tests" / "gold"
# The sets generated from sources by this script (the others have their own generators).
SETS = ("contracts_depth3", "contracts_depth5", "contracts_depth6", "contracts_depth7",
        "contracts_depth8", "contracts_depth9", "contracts_depth10", "contracts_depth11",
        "contracts_depth12", "contracts_depth13", "contracts_depth14",
        "contracts_depth15", "contracts_depth16")


def formats(set_name: str) -> dict[str, tuple[str, str]]:
    """source name -> (output format, script), read from the gold's entries."""
    gold = json.loads((GOLDS / f"{set_name}.json").read_text("utf-8"))
    found: dict[str, tuple[str, str]] = {}
    for file, entry in gold.items():
        if file.startswith("_"):
            continue
        form = entry["format"]
        if form == "txt" and entry["encoding"] == "gb18030":
            form = "txt-gb18030"
        found[file.rsplit(".", 1)[0]] = (form, entry["script"])
    return found


if __name__ == "__main__":
    for name in sys.argv[1:] or SETS:
        write_contracts(GOLDS / name, formats(name))
