"""Organisation and person names in one normal form: display names, resolution keys, kinds
from the legal-form suffix, addresses."""

from __future__ import annotations

import re

from domain.text import fold, simplified

_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


# Longest first: 股份有限公司 before 有限公司, 研究院 before 院.
_ORGANIZATION_KINDS = (
    ("大学", "university"),
    ("学院", "university"),
    ("研究院", "institute"),
    ("研究所", "institute"),
    ("研究中心", "institute"),
    ("实验室", "institute"),
    ("集团有限公司", "group"),
    ("集团股份有限公司", "group"),
    ("集团公司", "group"),
    ("集团", "group"),
    ("股份有限公司", "company"),
    ("有限责任公司", "company"),
    ("有限公司", "company"),
    ("公司", "company"),
    ("合伙", "partnership"),
)


def organization_name(raw: str) -> str:
    """Display form: folded, simplified characters, spaces between Chinese characters removed."""
    return _CJK_GAP.sub("", simplified(fold(raw)))


def organization_kind(name: str) -> str | None:
    """group / company / university / institute / partnership, from the legal-form suffix."""
    folded = organization_name(name)
    for suffix, kind in sorted(_ORGANIZATION_KINDS, key=lambda item: -len(item[0])):
        if folded.endswith(suffix) or (kind == "partnership" and suffix in folded):
            return kind
    return None


def organization_key(raw: str) -> str:
    """Resolution key: the display form, lower-cased (for Latin names) without spaces."""
    return organization_name(raw).lower().replace(" ", "")


_POSTCODE = re.compile(r"^\s*\d{6}\s*")


def address(raw: str) -> str:
    """申请人地址 without the leading postcode, folded, inner spaces between Chinese removed:
    `518129 广东省深圳市 龙岗区坂田华为总部办公楼` -> `广东省深圳市龙岗区坂田华为总部办公楼`."""
    return _CJK_GAP.sub("", simplified(fold(_POSTCODE.sub("", fold(raw))))).strip()


def person_name(raw: str) -> str:
    return _CJK_GAP.sub("", simplified(fold(raw)))
