"""Top-level packages import one way: each may import only packages of a lower layer.

The order is the one drawn in docs/ARCHITECTURE.md. A new top-level package must be placed
here before it can be imported by anything; an import that points up (or sideways between two
packages of one layer) fails this test with the file and line that does it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. Packages in one tuple are peers and must not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("config",),
    ("domain", "services"),
    ("graph", "search"),
    ("ingest", "stores"),
    ("usecases",),
    ("search_api",),
    ("cli",),
    ("bench",),
)
LAYER_OF = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}
# Imports the order would allow but the design does not: the HTTP service reads through
# usecases/ and never imports the write side.
FORBIDDEN = frozenset({("search_api", "ingest")})


def _imported_top_levels(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name.split(".")[0]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def _violations() -> list[str]:
    problems: list[str] = []
    for package, rank in LAYER_OF.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, target in _imported_top_levels(path):
                if target == package or target not in LAYER_OF:
                    continue
                if LAYER_OF[target] >= rank or (package, target) in FORBIDDEN:
                    where = path.relative_to(ROOT)
                    problems.append(f"{where}:{line} imports {target} ({package} may not)")
    return problems


def test_every_top_level_package_has_a_layer() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    assert packages <= set(LAYER_OF), sorted(packages - set(LAYER_OF))


def test_packages_import_only_lower_layers() -> None:
    assert _violations() == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    upward = tmp_path / "up.py"
    upward.write_text("from search_api.app import create_app\nimport graph.model\n")
    assert [target for _, target in _imported_top_levels(upward)] == ["search_api", "graph"]


def test_every_package_is_installed_typed_and_shipped() -> None:
    """A new top-level package must reach the wheel (setuptools include), mypy and the image."""
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = set(pyproject["tool"]["setuptools"]["packages"]["find"]["include"])
    typed = set(pyproject["tool"]["mypy"]["packages"])
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    shipped = set(LAYER_OF) - {"bench"}
    assert {f"{p}*" for p in shipped} <= included
    assert shipped <= typed
    assert [p for p in sorted(shipped) if f"COPY {p} {p}\n" not in dockerfile] == []
