"""Errors raised by search indexes; codes are stable and shown to API clients."""

from __future__ import annotations


class SearchError(Exception):
    """Root of every search-index error."""

    code = "SEARCH_ERROR"

    def __init__(self, message: str, *, detail: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or {}


class SearchUnavailableError(SearchError):
    code = "SEARCH_UNAVAILABLE"


class SearchWriteError(SearchError):
    """Some documents were rejected by the index; `detail` names them."""

    code = "SEARCH_WRITE_FAILED"


class SearchAliasTakenError(SearchError):
    """A concrete index holds the name the versioned indices are reached through."""

    code = "SEARCH_ALIAS_TAKEN"

class AnalyzerMismatchError(SearchError):
    """The index was segmented by another tokenizer (or version) than this one queries with:
    its word tokens would not match. Re-ingest into a fresh index; `detail` names both."""

    code = "SEARCH_ANALYZER_MISMATCH"


def check_analyzer(recorded: dict[str, str] | None, current: dict[str, str], where: str) -> None:
    """Refuse an index whose recorded analyzer (None: made before analyzers were recorded,
    by jieba) differs from the current one in name or version."""
    found = recorded or {"name": "jieba", "version": "0.42.1 (not recorded)"}
    if (found.get("name"), found.get("version")) != (current["name"], current["version"]):
        raise AnalyzerMismatchError(
            f"{where} was segmented by {found.get('name')} {found.get('version')}, this version "
            f"segments with {current['name']} {current['version']}: index and query would not "
            "match; remove that index (embedded: search.sqlite3 in the data dir; Elasticsearch: "
            "the versioned index named here) and ingest the sources again",
            detail={"recorded": found, "current": current, "index": where},
        )
