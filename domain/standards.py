"""Standard numbers in one normal form, whoever wrote them: a patent's text, a SEP declaration
or an API caller (`ETSI TS 138 214` and `TS 38.214` both mean `3GPP TS 38.214`)."""

from __future__ import annotations

import re

from domain.text import fold

STANDARD_BODIES = r"(?:GB/T|GB/Z|GB|YD/T|YD|DL/T|JB/T|SJ/T|GJB|NB/T|QC/T)"
_ETSI_3GPP = re.compile(r"^(?:ETSI\s+)?TS\s*1(\d{2})\s*(\d{3})$", re.I)
_BARE_TS = re.compile(r"^TS\s*(\d{2}\.\d{3})$", re.I)


def normalize_standard(text: str) -> str:
    """`3GPP  TS38.214` -> `3GPP TS 38.214`; `GB/T29490-2013` -> `GB/T 29490-2013`."""
    folded = re.sub(r"\s+", " ", fold(text)).strip()
    folded = re.sub(r"^(3GPP) ?(T[SR]) ?", r"\1 \2 ", folded)
    folded = re.sub(r"^(ETSI) ?(EN|TS|TR|ES|EG) ?(\d{3}) ?(\d{3})", r"\1 \2 \3 \4", folded)
    folded = re.sub(r"^(IEEE|ITU-T|ISO/IEC|ISO) ?", r"\1 ", folded)
    folded = re.sub(rf"^({STANDARD_BODIES}) ?", r"\1 ", folded)
    return folded


def standard_id(raw: str) -> str:
    """The Standard node id: ETSI's TS 1xx yyy and a bare TS xx.yyy are the 3GPP spec."""
    text = re.sub(r"\s+", " ", raw.strip())
    etsi = _ETSI_3GPP.match(text)
    if etsi:
        return f"3GPP TS {etsi.group(1)}.{etsi.group(2)}"
    bare = _BARE_TS.match(text)
    if bare:
        return f"3GPP TS {bare.group(1)}"
    return normalize_standard(text)
