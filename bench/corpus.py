"""A deterministic generator of realistic Chinese patent records for benchmarks.

Text comes from the 696 real patents of KPPatent-ZH and applicants from the official list of
central enterprises (both in ../shared/data): titles are reused, abstracts are recombined from
the sentences of several real abstracts, and numbers, dates, IPC codes, inventors and legal
status are drawn from a seeded generator, so the same `seed` and `count` always give the same
records.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲红建国志新飞波宁斌浩"
    "凯晨阳亮海峰雪梅琳颖林博鑫宇航"
)
_IPC = [
    "H01M10/0525",
    "H01M10/48",
    "H01M4/525",
    "H01M50/20",
    "H01M8/10",
    "H04W72/04",
    "H04W28/02",
    "H04L5/00",
    "H04L9/32",
    "H04B7/06",
    "G06F16/36",
    "G06F21/62",
    "G06N3/08",
    "G06V20/17",
    "G06Q50/06",
    "G06T7/00",
    "G01N21/88",
    "G01R31/367",
    "H02J3/38",
    "H02J13/00",
    "H02J7/00",
    "B01J23/882",
    "C10G45/08",
    "C09K8/68",
    "E21B43/26",
    "E21C41/16",
    "B29C70/44",
    "B64C3/26",
    "F03D7/04",
    "H01L23/373",
    "H01L25/07",
    "C22B7/00",
    "B60L53/80",
    "G21C17/00",
    "B61L27/00",
    "F16L55/07",
    "A61K36/00",
    "C12N15/11",
    "G05B19/418",
    "B25J9/16",
]
_STATUS = ["有效"] * 5 + ["实质审查"] * 3 + ["未缴年费终止", "视为撤回", "驳回"]


@dataclass(frozen=True)
class Source:
    title: str
    sentences: list[str]
    claims: str
    full_claims: str = ""


def load_sources(data_dir: Path = DEFAULT_DATA) -> tuple[list[Source], list[str]]:
    patents = data_dir / "kppatent-zh" / "test_data_TAC.json"
    soes = data_dir / "soe-sasac-list" / "central_soes_parsed.csv"
    if not patents.exists() or not soes.exists():
        raise FileNotFoundError(f"benchmark data not found under {data_dir} (see its README)")
    parsed = [_source(item["input"]) for item in json.loads(patents.read_text(encoding="utf-8"))]
    sources = [s for s in parsed if s.title and s.sentences]
    with soes.open(encoding="utf-8") as handle:
        names = sorted({row["name"] for row in csv.DictReader(handle) if row["name"]})
    return sources, names


def _source(text: str) -> Source:
    fields = {}
    for line in text.splitlines():
        key, _, value = line.partition("：")
        fields[key] = value
    abstract = fields.get("摘要", "")
    sentences = [s + "。" for s in abstract.split("。") if s.strip()]
    claims = fields.get("权利声明", "")
    # Claims after the first are lines of their own (the short form keeps only the first).
    _, _, after = text.partition("权利声明：")
    return Source(fields.get("标题", ""), sentences, claims[:400], after.strip())


def generate(
    count: int, seed: int = 20261125, data_dir: Path = DEFAULT_DATA, full_size: bool = False
) -> Iterator[dict[str, Any]]:
    """`full_size`: whole claims and a description of a few thousand characters, as real CN
    patents have (ingest benchmarks); otherwise short claims and no description."""
    sources, organizations = load_sources(data_dir)
    rng = random.Random(seed)
    for number in range(count):
        base = rng.choice(sources)
        other = rng.choice(sources)
        kind_code = rng.choices(["A", "B", "U", "S"], weights=[45, 30, 20, 5])[0]
        year = rng.randint(2012, 2024)
        application = (
            f"{year}{'3' if kind_code == 'S' else '2' if kind_code == 'U' else '1'}{number:07d}"
        )
        applicants = [_organization(rng, organizations) for _ in range(rng.choice([1, 1, 1, 2]))]
        filing = _date(rng, year)
        record: dict[str, Any] = {
            "publication_number": f"CN{100000000 + number}{kind_code}",
            "application_number": f"CN{application}.{_check_digit(application)}",
            "title": base.title,
            "abstract": "".join(base.sentences[:2] + other.sentences[1:3]),
            "claims": base.claims,
            "applicants": applicants,
            "inventors": [
                rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(["", *_GIVEN])
                for _ in range(rng.randint(1, 4))
            ],
            "ipc": rng.sample(_IPC, rng.randint(1, 3)),
            "filing_date": filing,
            "publication_date": _date(rng, min(year + 1, 2025)),
            "legal_status": rng.choice(_STATUS),
        }
        if full_size:
            record["claims"] = base.full_claims or base.claims
            record["description"] = _description(rng, base, sources, number)
        yield record


def _description(rng: random.Random, base: Source, sources: list[Source], number: int) -> str:
    """技术领域 / 背景技术 (citing a CN patent and a standard) / 发明内容 / 具体实施方式, made of
    real sentences, about 2,000-4,000 characters."""
    others = [rng.choice(sources) for _ in range(6)]
    cited = f"CN{100000000 + rng.randrange(max(number, 1))}A"
    standard = rng.choice(["GB/T 31485-2015", "GB 38031-2020", "GB/T 19001-2016", "IEC 62619"])
    background = "".join(s for o in others[:3] for s in o.sentences)
    content = "".join(s for o in others[3:] for s in o.sentences)
    embodiment = "".join((o.full_claims or o.claims)[:900] for o in others[:3])
    return (
        f"技术领域\n本发明涉及{base.title}的技术领域。\n背景技术\n{background}"
        f"现有技术如{cited}公开了一种类似方案，其测试按照{standard}进行，但效率较低。\n"
        f"发明内容\n{''.join(base.sentences)}{content}\n具体实施方式\n{embodiment}"
    )


def _date(rng: random.Random, year: int) -> str:
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _organization(rng: random.Random, organizations: list[str]) -> str:
    group = rng.choice(organizations)
    # Patents are mostly filed by subsidiaries and institutes, not by the group company.
    suffix = rng.choice(["", "", "研究院", "科技有限公司", "股份有限公司"])
    return (
        group
        if not suffix
        else group.removesuffix("集团有限公司").removesuffix("有限公司") + suffix
    )


def _check_digit(digits: str) -> str:
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return "X" if total == 10 else str(total)
