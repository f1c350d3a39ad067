"""Gazette legal events as exported by CNIPA-style tools: every kind parsed with its parties, and
the ledger of ownership and encumbrances they imply, whatever the order they arrive in."""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta

import pytest

from ingest.legal_events import (
    LegalEvent,
    PatentLedger,
    build_ledger,
    parse_date,
    parse_legal_events,
)
from tests.gazette_texts import (
    CATL,
    CO_OWNER,
    CP01,
    EC01,
    EE01,
    ICBC,
    LICENSEE,
    NUMBER,
    PC01,
    PE01,
    SERVICE,
    SERVICE_RENAMED,
    TR01,
    TR01_CO_OWNER,
)

ALL = [TR01, PE01, EE01, CP01, EC01, TR01_CO_OWNER, PC01]


def _one(text: str) -> LegalEvent:
    events = parse_legal_events(text, patent_number=NUMBER)
    assert len(events) == 1, events
    return events[0]


# --- parsing every kind ---------------------------------------------------------------------


def test_transfer_with_parties_changes_and_evidence() -> None:
    event = _one(TR01)
    assert (event.code, event.kind) == ("TR01", "transfer")
    assert event.patent_number == NUMBER and event.ipc == "H01M 10/0525"
    assert (event.effective_date, event.date_label) == (date(2023, 5, 12), "登记生效日")
    assert (event.owners_before, event.owners_after) == ((CATL,), (SERVICE,))
    assert [c.matter for c in event.changes] == ["专利权人", "地址"]
    assert event.changes[0].before == (CATL,) and event.changes[0].after == (SERVICE,)
    assert event.changes[1].after == ("350000 福建省福州市鼓楼区",)
    assert event.missing == ()
    assert TR01[event.span.start : event.span.end] == event.span.raw
    assert event.span.raw.startswith("TR01") and event.span.raw.endswith("鼓楼区")


def test_pledge_registration() -> None:
    event = _one(PE01)
    assert event.kind == "pledge"
    assert event.registration_number == "Y2023980012345"
    assert event.effective_date == date(2023, 6, 12)
    assert (event.pledgors, event.pledgees) == ((SERVICE,), (ICBC,))
    assert event.title_of_invention == "一种锂离子电池及其制备方法"
    assert dict(event.dates)["申请日"] == date(2022, 1, 1)
    assert event.missing == ()


def test_pledge_release_and_change() -> None:
    released = _one(PC01)
    assert (released.kind, released.effective_date) == ("pledge_released", date(2024, 6, 11))
    assert released.registration_number == "Y2023980012345"
    changed = _one(
        f"PM01 专利权质押合同登记的变更 专利号：{NUMBER} 登记号：Y2023980012345 "
        f"变更日：2023.12.01 变更事项：质权人 变更前：{ICBC} "
        "变更后：中国工商银行股份有限公司福建省分行"
    )
    assert (changed.kind, changed.effective_date) == ("pledge_changed", date(2023, 12, 1))
    assert changed.changes[0].matter == "质权人"
    assert changed.changes[0].after == ("中国工商银行股份有限公司福建省分行",)


def test_licence_filing_kinds_and_dates() -> None:
    event = _one(EE01)
    assert event.kind == "license"
    assert (event.licensors, event.licensees) == ((SERVICE,), (LICENSEE,))
    assert (event.license_kind, event.license_kind_raw) == ("exclusive", "独占许可")
    assert (event.effective_date, event.date_label) == (date(2023, 7, 5), "备案日期")
    assert event.registration_number == "X2023990000123"
    assert event.patent_number == NUMBER  # filled in from the record
    for word, kind in (("排他许可", "sole"), ("普通许可", "ordinary")):
        other = _one(EE01.replace("独占许可", word))
        assert other.license_kind == kind


def test_licence_change_and_cancellation() -> None:
    cancelled = _one(EC01)
    assert (cancelled.kind, cancelled.effective_date) == ("license_cancelled", date(2024, 1, 10))
    changed = _one(
        "EM01 专利实施许可合同备案的变更 合同备案号：X2023990000123 变更日：2023.10.10 "
        f"变更事项：让与人 变更前：{SERVICE} 变更后：{SERVICE_RENAMED}"
    )
    assert changed.kind == "license_changed"
    assert changed.changes[0].after == (SERVICE_RENAMED,)


def test_name_change_is_not_a_transfer() -> None:
    event = _one(CP01)
    assert (event.code, event.kind) == ("CP01", "name_change")
    assert event.effective_date == date(2023, 9, 1)
    assert event.changes[0].before == (SERVICE,)
    assert event.changes[0].after == (SERVICE_RENAMED,)


def test_application_transfer_with_co_owners() -> None:
    event = _one(
        "TR02 专利申请权的转移 IPC(主分类)：G06F 16/00 申请号：202110000002.3 "
        "登记生效日：2022.02.02 "
        "变更事项：申请人 变更前权利人：甲科技有限公司 变更前共同权利人：乙大学 "
        "变更后权利人：丙科技有限公司 变更后共同权利人：乙大学、丁研究院"
    )
    assert event.kind == "application_transfer"
    assert event.patent_number == "202110000002.3"
    assert event.owners_before == ("甲科技有限公司", "乙大学")
    assert event.owners_after == ("丙科技有限公司", "乙大学", "丁研究院")


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        (
            f"PP01 专利权的保全 专利号：{NUMBER} 保全日：2023.08.08",
            "preservation",
            date(2023, 8, 8),
        ),
        (
            f"PD01 专利权保全的解除 专利号：{NUMBER} 解除日：2023.11.11",
            "preservation_released",
            date(2023, 11, 11),
        ),
        (
            f"IP01 无效公告 专利号：{NUMBER} 无效宣告决定号：56789 决定日：2024.04.04",
            "invalidation_decision",
            date(2024, 4, 4),
        ),
        (
            f"IW01 专利权全部无效 专利号：{NUMBER} 公告日：2024.05.05",
            "invalidation",
            date(2024, 5, 5),
        ),
        (
            f"IW02 专利权部分无效 专利号：{NUMBER} 公告日：2024.05.06",
            "partial_invalidation",
            date(2024, 5, 6),
        ),
        (
            f"CF01 未缴年费专利权终止 IPC(主分类)：H01M 10/0525 专利号：{NUMBER} "
            "申请日：20220101 授权公告日：20230301 终止日期：20250101",
            "lapse",
            date(2025, 1, 1),
        ),
        (
            f"AV01 专利权的主动放弃 专利号：{NUMBER} 放弃生效日：2025.02.02",
            "abandonment",
            date(2025, 2, 2),
        ),
        (f"CX01 专利权有效期届满 专利号：{NUMBER} 失效日：2042.01.01", "expiry", date(2042, 1, 1)),
    ],
)
def test_status_events(text: str, kind: str, day: date) -> None:
    event = _one(text)
    assert (event.kind, event.effective_date) == (kind, day)


def test_invalidation_decision_number() -> None:
    event = _one(f"IP01 无效公告 专利号：{NUMBER} 无效宣告决定号：56789 决定日：2024.04.04")
    assert event.decision_number == "56789"


def test_several_events_in_one_cell_split_on_codes() -> None:
    cell = "；".join(ALL)
    events = parse_legal_events(cell)
    assert [e.code for e in events] == ["TR01", "PE01", "EE01", "CP01", "EC01", "TR01", "PC01"]
    for event in events:
        assert cell[event.span.start : event.span.end] == event.span.raw
    # the IPC subgroup, the patent number and registration numbers never start an event
    assert all(e.code != "ZL20" for e in events)


def test_full_width_punctuation_and_missing_fields_are_reported() -> None:
    event = _one(
        "ＰＥ０１　专利权质押合同登记的生效　出质人：甲公司；乙公司　"
        "登记生效日：２０２３．０６．１２"
    )
    assert (event.code, event.kind) == ("PE01", "pledge")
    assert event.pledgors == ("甲公司", "乙公司")
    assert event.effective_date == date(2023, 6, 12)
    assert set(event.missing) == {"registration_number", "pledgees"}
    bare = parse_legal_events("专利权质押合同登记的生效 出质人：甲公司 质权人：乙银行")[0]
    assert (bare.code, bare.kind) == ("PE01", "pledge")
    assert {"effective_date", "registration_number", "patent_number"} <= set(bare.missing)


def test_unreadable_dates_are_flagged_not_guessed() -> None:
    event = _one(
        f"TR01 专利权的转移 专利号：{NUMBER} 登记生效日：2023.02.30 "
        "变更前权利人：甲 变更后权利人：乙"
    )
    assert event.effective_date is None
    assert event.invalid == ("登记生效日",)
    assert "effective_date" in event.missing


@pytest.mark.parametrize(
    "text",
    [
        "2023.05.12",
        "20230512",
        "2023-05-12",
        "2023/5/12",
        "2023年5月12日",
        "２０２３．５．１２",
        "2023.5.12",
        "2023 年 5 月 12 日",
    ],
)
def test_dates_in_every_form(text: str) -> None:
    assert parse_date(text) == date(2023, 5, 12)


def test_no_date() -> None:
    assert parse_date("") is None
    assert parse_date(None) is None
    assert parse_date("无") is None


def test_empty_cell() -> None:
    assert parse_legal_events("") == []
    assert parse_legal_events("  ") == []


# --- the ledger -----------------------------------------------------------------------------

FILED = date(2022, 1, 1)


def _expected_owners(day: date) -> tuple[str, ...]:
    if day < FILED:
        return ()
    if day < date(2023, 5, 12):
        return (CATL,)
    if day < date(2023, 9, 1):
        return (SERVICE,)
    if day < date(2024, 3, 1):
        return (SERVICE_RENAMED,)
    return (SERVICE_RENAMED, CO_OWNER)


def _expected_encumbrances(day: date) -> set[tuple[str, str | None]]:
    open_now: set[tuple[str, str | None]] = set()
    if date(2023, 6, 12) <= day < date(2024, 6, 11):
        open_now.add(("pledge", "Y2023980012345"))
    if date(2023, 7, 5) <= day < date(2024, 1, 10):
        open_now.add(("license", "X2023990000123"))
    return open_now


def _checkpoints(events: list[LegalEvent]) -> list[date]:
    days = sorted({FILED, *(e.effective_date for e in events if e.effective_date)})
    points = {days[0] - timedelta(days=1), days[-1] + timedelta(days=1)}
    for first, second in itertools.pairwise(days):
        points |= {first, first + (second - first) / 2, second - timedelta(days=1), second}
    return sorted(points)


def _ledger(events: list[LegalEvent]) -> PatentLedger:
    return build_ledger(events, [CATL], FILED)


def _assert_ledger(ledger: PatentLedger, events: list[LegalEvent]) -> None:
    for day in _checkpoints(events):
        assert ledger.owners_as_of(day) == _expected_owners(day), day
        found = {(e.kind, e.reference) for e in ledger.encumbrances_as_of(day)}
        assert found == _expected_encumbrances(day), day


def test_ledger_in_order_of_dates() -> None:
    events = parse_legal_events(" ".join(ALL))
    ledger = _ledger(events)
    _assert_ledger(ledger, events)
    assert ledger.warnings == ()
    first, second, third = ledger.ownership
    assert (first.owner, first.start, first.end) == (CATL, FILED, date(2023, 5, 12))
    assert first.opened_by is None and first.closed_by is not None
    assert first.closed_by.code == "TR01"
    assert second.owner == SERVICE and second.current_name == SERVICE_RENAMED
    assert second.names == ((SERVICE, date(2023, 5, 12)), (SERVICE_RENAMED, date(2023, 9, 1)))
    assert second.end is None  # the name change and the co-owner transfer keep this owner
    assert (third.owner, third.start) == (CO_OWNER, date(2024, 3, 1))
    assert "TR01 2023-05-12" in first.evidence
    (pledge,) = ledger.pledges
    assert (pledge.grantors, pledge.holders) == ((SERVICE,), (ICBC,))
    assert (pledge.start, pledge.end) == (date(2023, 6, 12), date(2024, 6, 11))
    (licence,) = ledger.licenses
    assert (licence.license_kind, licence.holders) == ("exclusive", (LICENSEE,))
    assert licence.closed_by is not None and licence.closed_by.code == "EC01"


@pytest.mark.parametrize("seed", range(8))
def test_ledger_does_not_depend_on_arrival_order(seed: int) -> None:
    events = parse_legal_events(" ".join(ALL))
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    reference = _ledger(events)
    ledger = _ledger(shuffled)
    _assert_ledger(ledger, shuffled)
    assert ledger == reference


def test_reversed_arrival_and_duplicates_are_idempotent() -> None:
    events = parse_legal_events(" ".join(ALL))
    again = parse_legal_events("；".join(reversed(ALL)))  # the same events from another export
    ledger = _ledger([*reversed(events), *again, *events])
    assert ledger == _ledger(events)
    assert len(ledger.events) == len(ALL)


def test_same_day_transfers_chain() -> None:
    day = "2023.05.12"
    head = f"TR01 专利权的转移 专利号：{NUMBER} 登记生效日：{day}"
    first = f"{head} 变更前权利人：甲公司 变更后权利人：乙公司"
    second = f"{head} 变更前权利人：乙公司 变更后权利人：丙公司"
    for cell in (f"{first} {second}", f"{second} {first}"):
        ledger = build_ledger(parse_legal_events(cell), ["甲公司"], FILED)
        assert ledger.owners_as_of(date(2023, 5, 12)) == ("丙公司",)
        assert ledger.owners_as_of(date(2023, 5, 11)) == ("甲公司",)
        assert ledger.warnings == ()


def test_release_arriving_before_its_registration() -> None:
    events = parse_legal_events(f"{PC01} {PE01}")
    ledger = build_ledger(events, [SERVICE], FILED)
    (pledge,) = ledger.pledges
    assert (pledge.start, pledge.end) == (date(2023, 6, 12), date(2024, 6, 11))


def test_release_without_registration_is_kept_and_warned() -> None:
    ledger = build_ledger(parse_legal_events(PC01), [SERVICE], FILED)
    (pledge,) = ledger.pledges
    assert (pledge.start, pledge.end) == (None, date(2024, 6, 11))
    assert any("no open pledge" in w for w in ledger.warnings)


def test_pledgee_change_updates_the_holder() -> None:
    change = (
        f"PM01 专利权质押合同登记的变更 专利号：{NUMBER} 登记号：Y2023980012345 变更日：2023.12.01 "
        f"变更事项：质权人 变更前：{ICBC} 变更后：中国银行股份有限公司宁德分行"
    )
    ledger = build_ledger(parse_legal_events(f"{change} {PE01}"), [SERVICE], FILED)
    (pledge,) = ledger.pledges
    assert pledge.holders == ("中国银行股份有限公司宁德分行",)
    assert len(pledge.changed_by) == 1


def test_transfer_from_an_unknown_owner_is_warned() -> None:
    ledger = build_ledger(parse_legal_events(TR01), ["别的公司"], FILED)
    assert any("not on record" in w for w in ledger.warnings)
    assert ledger.owners_as_of(date(2023, 6, 1)) == ("别的公司", SERVICE)


def test_undated_event_is_not_placed() -> None:
    undated = f"TR01 专利权的转移 专利号：{NUMBER} 变更前权利人：{CATL} 变更后权利人：{SERVICE}"
    ledger = build_ledger(parse_legal_events(undated), [CATL], FILED)
    assert ledger.owners_as_of(date(2030, 1, 1)) == (CATL,)
    assert any("undated" in w for w in ledger.warnings)


def test_lapse_and_restoration() -> None:
    lapse = f"CF01 未缴年费专利权终止 专利号：{NUMBER} 终止日期：2025.01.01"
    ledger = build_ledger(parse_legal_events(f"{lapse} {TR01}"), [CATL], FILED)
    assert ledger.ended_on == date(2025, 1, 1)
    assert ledger.in_force_as_of(date(2024, 12, 31))
    assert not ledger.in_force_as_of(date(2025, 1, 1))
    restored = build_ledger(
        parse_legal_events(f"{lapse} RR01 权利的恢复 专利号：{NUMBER} 恢复日：2025.03.01"),
        [CATL],
        FILED,
    )
    assert restored.ended_on is None


def test_preservation_interval() -> None:
    cell = (
        f"PD01 专利权保全的解除 专利号：{NUMBER} 解除日：2023.11.11 "
        f"PP01 专利权的保全 专利号：{NUMBER} 保全日：2023.08.08"
    )
    ledger = build_ledger(parse_legal_events(cell), [CATL], FILED)
    (preservation,) = ledger.preservations
    assert (preservation.start, preservation.end) == (date(2023, 8, 8), date(2023, 11, 11))
    assert ledger.encumbrances_as_of(date(2023, 9, 9), "preservation") == (preservation,)
    assert ledger.encumbrances_as_of(date(2023, 11, 11)) == ()


def test_events_written_without_spaces_or_separated_by_bars_and_lines() -> None:
    cell = (
        "TR01专利权的转移IPC(主分类):H01M10/0525专利号:ZL202210000001.0登记生效日:20230512"
        "变更事项:专利权人变更前权利人:甲公司变更后权利人:乙公司|\n"
        "EE01专利实施许可合同备案的生效合同备案号:X2023990000123让与人:乙公司受让人:丙公司"
        "许可种类:普通许可备案日期:2023年7月5日"
    )
    transfer, licence = parse_legal_events(cell)
    assert (transfer.owners_before, transfer.owners_after) == (("甲公司",), ("乙公司",))
    assert transfer.effective_date == date(2023, 5, 12)
    assert transfer.span.raw.endswith("乙公司")
    assert (licence.licensors, licence.licensees) == (("乙公司",), ("丙公司",))
    assert (licence.license_kind, licence.effective_date) == ("ordinary", date(2023, 7, 5))
    assert licence.missing == ("patent_number",)


def test_co_owners_separated_by_commas_before_chinese_names() -> None:
    event = _one(
        f"TR01 专利权的转移 专利号：{NUMBER} 登记生效日：2023.05.12 "
        "变更前权利人：甲公司，乙大学 变更后权利人：丙公司, Foo Tech Co., Ltd."
    )
    assert event.owners_before == ("甲公司", "乙大学")
    assert event.owners_after == ("丙公司", "Foo Tech Co., Ltd")


def test_the_same_event_from_two_exports_counts_once() -> None:
    short = (
        f"TR01 专利权的转移 专利号：{NUMBER.removeprefix('ZL')} 登记生效日：2023-05-12 "
        f"变更前权利人：{CATL} 变更后权利人：{SERVICE}"
    )
    ledger = _ledger([*parse_legal_events(TR01), *parse_legal_events(short)])
    assert len(ledger.events) == 1 and ledger.warnings == ()


def test_two_transfers_on_one_day_given_only_as_changes_stay_two() -> None:
    head = f"TR01 专利权的转移 专利号：{NUMBER} 登记生效日：2023.05.12 变更事项：专利权人"
    cell = f"{head} 变更前：甲公司 变更后：乙公司 {head} 变更前：乙公司 变更后：丙公司"
    ledger = build_ledger(parse_legal_events(cell), ["甲公司"], FILED)
    assert len(ledger.events) == 2
    assert ledger.owners_as_of(date(2023, 5, 12)) == ("丙公司",)


def test_events_without_codes_split_on_their_titles() -> None:
    cell = (
        f"专利权的转移 专利号：{NUMBER} 登记生效日：2023.05.12 变更前权利人：{CATL} "
        f"变更后权利人：{SERVICE} 专利权质押合同登记的生效 专利号：{NUMBER} 登记号：Y2023980012345 "
        f"登记生效日：2023.06.12 出质人：{SERVICE} 质权人：{ICBC}"
    )
    transfer, pledge = parse_legal_events(cell)
    assert (transfer.code, transfer.kind, transfer.owners_after) == ("TR01", "transfer", (SERVICE,))
    assert (pledge.code, pledge.kind, pledge.pledgees) == ("PE01", "pledge", (ICBC,))
    assert "code" in transfer.missing  # the code was inferred from the title, and that is said
