"""A deterministic generator of realistic Chinese patent records for benchmarks.

Text comes from the 696 real patents of KPPatent-ZH and applicants from the official list of
central enterprises (both in ../shared/data): titles are reused, abstracts are recombined from
the sentences of several real abstracts, and numbers, dates, IPC codes, inventors and legal
status are drawn from a seeded generator, so the same `seed` and `count` always give the same
records.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from domain.ipc import ipc_code
from domain.legal_status import legal_status
from domain.names import organization_name, person_name
from domain.numbers import (
    country_of,
    parse_application_number,
    parse_publication_number,
    patent_kind,
)
from domain.text import fold
from ingest.readers import SourceFile
from ingest.records import PatentRecord
from ingest.transform import GraphBatch, add_record
from ingest.vocabularies import Vocabularies
from search.index.compile_common import document_text, segmented_fields
from search.index.protocol import IndexDocument

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
    yield from _records(random.Random(seed), range(count), sources, organizations, full_size)


def generate_block(
    start: int,
    count: int,
    seed: int = 20261125,
    data_dir: Path = DEFAULT_DATA,
    full_size: bool = False,
) -> list[dict[str, Any]]:
    """Records `start` .. `start + count - 1` from a generator seeded for this block alone, so
    that blocks can be made in parallel processes (the same seed, start and count always give
    the same records; not the records `generate` gives for those numbers)."""
    sources, organizations = _cached_sources(data_dir)
    rng = random.Random(f"{seed}:{start}")
    return list(_records(rng, range(start, start + count), sources, organizations, full_size))


@lru_cache(maxsize=2)
def _cached_sources(data_dir: Path) -> tuple[list[Source], list[str]]:
    return load_sources(data_dir)


def _records(
    rng: random.Random,
    numbers: range,
    sources: list[Source],
    organizations: list[str],
    full_size: bool = False,
) -> Iterator[dict[str, Any]]:
    for number in numbers:
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


class IndexDocuments:
    """The index documents of generated records, built straight from the generator's values
    with every per-value step (name resolution, IPC and status normalisation, jieba
    segmentation) memoised, so that a million documents build in minutes, not hours.

    The same documents as ingest's `add_record` makes (and the same segmentation as the index
    would make): `check` compares both on a sample before a bench loads anything."""

    def __init__(self, vocabularies: Vocabularies) -> None:
        self._vocabularies = vocabularies
        self._analyzer = vocabularies.analyzer

    def build(self, raw: dict[str, Any]) -> IndexDocument:
        publication = parse_publication_number(raw["publication_number"]).canonical
        application = parse_application_number(raw["application_number"]).canonical
        applicants = self._applicants(tuple(raw["applicants"]))
        inventors = list(dict.fromkeys(self._person(p) for p in raw["inventors"]))
        document = IndexDocument(
            id=publication,
            title=self._fold(raw["title"]),
            abstract=raw["abstract"],
            claims=raw["claims"],
            applicants=list(applicants),
            applicant_ids=list(self._applicant_ids(applicants)),
            applicant_aliases=list(self._aliases(applicants)),
            inventors=inventors,
            ipc=list(self._ipc(tuple(raw["ipc"]))),
            kind=patent_kind(publication, application),
            legal_status=self._status(raw["legal_status"]),
            country=country_of(publication),
            publication_number=publication,
            application_number=application,
            filing_date=raw["filing_date"],
            publication_date=raw["publication_date"],
            owners=list(applicants),
            owner_ids=list(self._owner_ids(applicants)),
        )
        return dataclasses.replace(document, presegmented=self._segmented(document))

    def _segmented(self, document: IndexDocument) -> dict[str, str]:
        # jieba cuts a text into blocks at punctuation and whitespace, so a text's tokens are
        # those of its sentences (abstracts) or names (inventors), each segmented once.
        return {
            "title": self._segment(document.title),
            "abstract": " ".join(
                t for s in document.abstract.split("。") if (t := self._segment(s))
            ),
            "claims": self._segment(document.claims),
            "description": "",
            "applicants": self._segment(document_text(document, "applicants")),
            "inventors": " ".join(t for p in document.inventors if (t := self._segment(p))),
        }

    @lru_cache(maxsize=500_000)  # noqa: B019 - one builder per bench run
    def _segment(self, text: str) -> str:
        return self._analyzer.segmented(text)

    @cache  # noqa: B019
    def _fold(self, text: str) -> str:
        return fold(text)

    @cache  # noqa: B019
    def _person(self, raw: str) -> str:
        return person_name(raw)

    @cache  # noqa: B019
    def _applicants(self, raw: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(organization_name(a) for a in raw))

    @cache  # noqa: B019
    def _applicant_ids(self, applicants: tuple[str, ...]) -> list[str]:
        return [self._vocabularies.resolver.resolve(a).key for a in applicants]

    @cache  # noqa: B019
    def _owner_ids(self, owners: tuple[str, ...]) -> list[str]:
        return [self._vocabularies.aliases.resolve(o) for o in owners]

    @cache  # noqa: B019
    def _aliases(self, applicants: tuple[str, ...]) -> list[str]:
        aliases = self._vocabularies.aliases
        return list(
            dict.fromkeys(
                other
                for name in applicants
                for other in (
                    aliases.canonical_name(name),
                    *aliases.aliases_of(name),
                    *aliases.former_names_of(name),
                )
                if other != name
            )
        )

    @cache  # noqa: B019
    def _ipc(self, raw: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(c for r in raw if (c := ipc_code(r)) is not None))

    @cache  # noqa: B019
    def _status(self, raw: str) -> str | None:
        return legal_status(raw)

    def check(self, raws: list[dict[str, Any]]) -> None:
        """Raise when a built document differs from ingest's, or its tokens from the index's."""
        source = SourceFile("bench", "0" * 64, "utf-8", "generated")
        batch = GraphBatch()
        for location, raw in enumerate(raws, start=1):
            add_record(
                batch, PatentRecord.model_validate(raw), location, source, self._vocabularies
            )
        for raw in raws:
            built = self.build(raw)
            ingested = batch.documents[built.id]
            if built != ingested:
                raise AssertionError(f"bench document {built.id} differs from ingest's")
            if built.presegmented != segmented_fields(self._analyzer, ingested):
                raise AssertionError(f"bench segmentation of {built.id} differs from the index's")
