"""Ingestion: read source files, normalise records, load them into the graph and the index."""
