"""Search indexes: the `SearchIndex` protocol, Elasticsearch and the embedded SQLite FTS5 index."""

from search.index.protocol import IndexDocument, SearchHit, SearchIndex, SearchPage, SearchQuery

__all__ = ["IndexDocument", "SearchHit", "SearchIndex", "SearchPage", "SearchQuery"]
