"""XLSX and DOCX are zip archives: one that is small on disk can expand to gigabytes (a zip
bomb). Each archive is checked from its central directory, before anything is decompressed:
the declared uncompressed sizes (in total and per member) and the compression ratio.

The declared sizes are what bounds the work: Python's zipfile (which openpyxl and python-docx
use) stops a member at its declared size and fails its CRC check if the data says otherwise,
so an archive cannot declare a small size and then expand to a large one."""

from __future__ import annotations

import io
import zipfile

from ingest.errors import ErrorCode, IngestError, Problem

MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000
# Spreadsheet and document XML compresses 5-30x; 200x only comes from runs of one byte.
MAX_RATIO = 200
_RATIO_FLOOR_BYTES = 1024 * 1024  # tiny members may compress arbitrarily well


def check_archive(data: bytes, file: str) -> None:
    """Raise `IngestError` (INGEST_ARCHIVE_TOO_LARGE) for an archive that would expand too much;
    archives zipfile cannot open are left to the format's own reader to report."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return
    if len(members) > MAX_MEMBERS:
        raise _too_large(file, f"{len(members)} members, more than {MAX_MEMBERS}")
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _too_large(
            file, f"expands to {total} bytes, more than the limit of {MAX_UNCOMPRESSED_BYTES}"
        )
    for member in members:
        if member.file_size < _RATIO_FLOOR_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_RATIO:
            raise _too_large(
                file,
                f"member {member.filename} expands {ratio:.0f}x ({member.compress_size} to "
                f"{member.file_size} bytes), more than {MAX_RATIO}x: refused as a zip bomb",
            )


def _too_large(file: str, why: str) -> IngestError:
    return IngestError(Problem(ErrorCode.ARCHIVE_TOO_LARGE, file, why))
