"""Coded ingest problems; each names the file, the record (line or position) and the field."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    FILE_NOT_FOUND = "INGEST_FILE_NOT_FOUND"
    FILE_UNREADABLE = "INGEST_FILE_UNREADABLE"
    FORMAT_UNSUPPORTED = "INGEST_FORMAT_UNSUPPORTED"
    ENCODING_UNKNOWN = "INGEST_ENCODING_UNKNOWN"
    JSON_MALFORMED = "INGEST_JSON_MALFORMED"
    RECORD_INVALID = "INGEST_RECORD_INVALID"
    RECORD_MISSING_NUMBER = "INGEST_RECORD_MISSING_NUMBER"
    IPC_INVALID = "INGEST_IPC_INVALID"
    LEGAL_STATUS_UNKNOWN = "INGEST_LEGAL_STATUS_UNKNOWN"
    LEGAL_EVENT_UNKNOWN = "INGEST_LEGAL_EVENT_UNKNOWN"
    COLUMN_UNMAPPED = "INGEST_COLUMN_UNMAPPED"
    CHECK_DIGIT_INVALID = "INGEST_CHECK_DIGIT_INVALID"
    XML_MALFORMED = "INGEST_XML_MALFORMED"
    SPREADSHEET_UNREADABLE = "INGEST_SPREADSHEET_UNREADABLE"
    ARCHIVE_TOO_LARGE = "INGEST_ARCHIVE_TOO_LARGE"
    UTF8_TRUNCATED = "INGEST_UTF8_TRUNCATED"
    INDEX_REJECTED = "INGEST_INDEX_REJECTED"
    CONTRACT_EMPTY = "INGEST_CONTRACT_EMPTY"
    CONTRACT_TOO_LARGE = "INGEST_CONTRACT_TOO_LARGE"
    CONTRACT_ENCRYPTED = "INGEST_CONTRACT_ENCRYPTED"
    CONTRACT_NO_TEXT_LAYER = "INGEST_CONTRACT_NO_TEXT_LAYER"
    CONTRACT_UNREADABLE = "INGEST_CONTRACT_UNREADABLE"
    CONTRACT_NOT_RECOGNISED = "INGEST_CONTRACT_NOT_RECOGNISED"
    SEP_UNMATCHED = "INGEST_SEP_UNMATCHED"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input. `record` is the 1-based line (JSONL) or position (JSON)."""

    code: ErrorCode
    file: str
    message: str
    record: int | None = None
    field: str | None = None
    # Warnings keep the record (the bad value is dropped); errors send it to the dead letters.
    is_warning: bool = False

    def as_dict(self) -> dict[str, object]:
        return {k: (str(v) if isinstance(v, ErrorCode) else v) for k, v in asdict(self).items()}

    def __str__(self) -> str:
        where = self.file + (f":{self.record}" if self.record is not None else "")
        field = f" [{self.field}]" if self.field else ""
        return f"{self.code} {where}{field}: {self.message}"


class IngestError(Exception):
    """Root of the ingest package's exceptions; carries the `Problem` that stopped a file."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
