"""One reader per source format; each yields located raw records or coded problems."""

from ingest.readers.json_records import RawRecord, SourceFile, read_source

__all__ = ["RawRecord", "SourceFile", "read_source"]
