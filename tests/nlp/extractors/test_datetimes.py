from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from nlp import registry
from nlp.extractors.datetimes import extract_datetimes, extract_durations, parse_datetime
from nlp.labels import EntityType
from nlp.schema import Entity


def _at(found: list[Entity], text: str, surface: str) -> Entity:
    start = text.index(surface)
    hits = [e for e in found if (e.start, e.end) == (start, start + len(surface))]
    assert hits, f"no entity at {surface!r} in {text!r}: {[(e.text, e.value) for e in found]}"
    ent = hits[0]
    assert text[ent.start : ent.end] == ent.text == surface
    return ent


def _check_attrs(ent: Entity, attrs: dict[str, Any]) -> None:
    for key, expected in attrs.items():
        assert ent.attrs.get(key) == expected, (key, ent.attrs)


# text, surface, value, attrs that must be present
DATETIME_ROWS: list[tuple[str, str, str | None, dict[str, Any]]] = [
    ("案发时间：2022年5月3日", "2022年5月3日", "2022-05-03", {"precision": "day"}),
    ("2022年5月3日14时30分许，张某在超市", "2022年5月3日14时30分许", "2022-05-03T14:30", {"approximate": True}),
    ("于2022年05月03日14:30到达", "2022年05月03日14:30", "2022-05-03T14:30", {"precision": "minute"}),
    ("2022年5月3日14时", "2022年5月3日14时", "2022-05-03T14:00", {"precision": "hour"}),
    ("2022年5月3日下午2时30分", "2022年5月3日下午2时30分", "2022-05-03T14:30", {"period": "下午"}),
    ("2022年5月3日晚上8时许", "2022年5月3日晚上8时许", "2022-05-03T20:00", {"period": "晚上"}),
    ("2022年5月3日晚8时许", "2022年5月3日晚8时许", "2022-05-03T20:00", {}),
    ("2022年5月3日凌晨3时", "2022年5月3日凌晨3时", "2022-05-03T03:00", {"period": "凌晨"}),
    ("2022年5月3日上午9时", "2022年5月3日上午9时", "2022-05-03T09:00", {}),
    ("2022年5月3日中午12时30分", "2022年5月3日中午12时30分", "2022-05-03T12:30", {}),
    ("2022年5月3日中午1时", "2022年5月3日中午1时", "2022-05-03T13:00", {}),
    ("2022年5月3日下午两点半", "2022年5月3日下午两点半", "2022-05-03T14:30", {}),
    ("2022年5月3日下午3点多", "2022年5月3日下午3点多", "2022-05-03T15:00", {"approximate": True}),
    ("2022年5月3日凌晨", "2022年5月3日凌晨", "2022-05-03", {"precision": "day", "period": "凌晨"}),
    ("2022年5月3日晚上在家", "2022年5月3日晚上", "2022-05-03", {"period": "晚上"}),
    ("2022年5月3日早已离开", "2022年5月3日", "2022-05-03", {}),  # 早已 is not 早上
    ("二〇二二年五月三日", "二〇二二年五月三日", "2022-05-03", {}),
    ("二零二二年五月三日", "二零二二年五月三日", "2022-05-03", {}),
    ("二〇二二年五月三日十四时三十分", "二〇二二年五月三日十四时三十分", "2022-05-03T14:30", {"precision": "minute"}),
    ("二〇二二年十二月三十一日", "二〇二二年十二月三十一日", "2022-12-31", {}),
    ("一九九八年三月", "一九九八年三月", "1998-03", {"precision": "month"}),
    ("2022.5.3", "2022.5.3", "2022-05-03", {}),
    ("日期：2022-05-03", "2022-05-03", "2022-05-03", {}),
    ("2022/5/3", "2022/5/3", "2022-05-03", {}),
    ("2022-05-03 14:30:00", "2022-05-03 14:30:00", "2022-05-03T14:30:00", {"precision": "second"}),
    ("2022年5月3日14时30分15秒", "2022年5月3日14时30分15秒", "2022-05-03T14:30:15", {"precision": "second"}),
    ("2022 年 5 月 3 日 14 时", "2022 年 5 月 3 日 14 时", "2022-05-03T14:00", {}),  # PDF text
    ("２０２２年５月３日", "２０２２年５月３日", "2022-05-03", {}),
    ("2022年5月", "2022年5月", "2022-05", {"precision": "month"}),
    ("2022年以来", "2022年", "2022", {"precision": "year"}),
    ("22年5月3日", "22年5月3日", "2022-05-03", {}),
    ("2022年5月3号", "2022年5月3号", "2022-05-03", {}),
    ("2024年2月29日", "2024年2月29日", "2024-02-29", {}),
    ("2022年5月3日（星期二）", "2022年5月3日（星期二）", "2022-05-03", {"weekday": "星期二"}),
    ("2022年5月3日（星期三）", "2022年5月3日（星期三）", "2022-05-03", {"problem": "星期与日期不符"}),
    ("2022年5月3日24时", "2022年5月3日24时", "2022-05-04T00:00", {"end_of_day": True}),
    ("2022年5月3日晚上12时", "2022年5月3日晚上12时", "2022-05-04T00:00", {}),
    ("2022年5月3日凌晨12时", "2022年5月3日凌晨12时", "2022-05-03T00:00", {}),
    # no date anywhere before: a bare time keeps only the clock
    ("14时30分许，民警到达", "14时30分许", "14:30", {"time_only": True, "approximate": True}),
    ("下午2时", "下午2时", "14:00", {"time_only": True}),
    ("十时许", "十时许", "10:00", {}),
    ("8点30到的", "8点30", "08:30", {}),
    ("晚上九点钟", "晚上九点钟", "21:00", {}),
    # invalid calendar dates and clock times
    ("2022年2月30日", "2022年2月30日", None, {"problem": "日期不存在", "month": 2, "day": 30}),
    ("2023年2月29日", "2023年2月29日", None, {"problem": "日期不存在"}),
    ("2022年4月31日", "2022年4月31日", None, {}),
    ("2022年13月1日", "2022年13月1日", None, {}),
    ("2022年13月", "2022年13月", None, {}),
    ("2022年5月3日25时", "2022年5月3日25时", None, {"problem": "时间无效"}),
    ("二〇二二年五月三十二日", "二〇二二年五月三十二日", None, {}),
]


@pytest.mark.parametrize(("text", "surface", "value", "attrs"), DATETIME_ROWS)
def test_datetimes(text: str, surface: str, value: str | None, attrs: dict[str, Any]) -> None:
    ent = _at(extract_datetimes(text), text, surface)
    assert ent.type == EntityType.DATETIME
    assert ent.source == "pattern:datetime"
    assert ent.value == value
    assert ent.valid is (value is not None)
    _check_attrs(ent, attrs)


# Relative forms and ranges: each text, then (surface, value, attrs) in order.
SEQUENCES: list[tuple[str, list[tuple[str, str | None, dict[str, Any]]]]] = [
    (
        "2022年5月3日14时许，张某盗窃手机一部。次日凌晨2时许被抓获，同年6月1日取保候审。",
        [
            ("2022年5月3日14时许", "2022-05-03T14:00", {}),
            ("次日凌晨2时许", "2022-05-04T02:00", {"relative": True}),
            ("同年6月1日", "2022-06-01", {"relative": True}),
        ],
    ),
    (
        "2022年5月3日报案。5月10日，张某到案；当日被刑事拘留，同日8时送看守所，当晚9时",
        [
            ("2022年5月3日", "2022-05-03", {}),
            ("5月10日", "2022-05-10", {"year_inferred": True}),
            ("当日", "2022-05-10", {"relative": True, "precision": "day"}),
            ("同日8时", "2022-05-10T08:00", {"relative": True}),
            ("当晚9时", "2022-05-10T21:00", {"relative": True, "period": "晚上"}),
        ],
    ),
    (
        "2022年5月3日案发，第二天报警，前一天，同月8日，次月5日，次年1月2日",
        [
            ("2022年5月3日", "2022-05-03", {}),
            ("第二天", "2022-05-04", {"relative": True}),
            ("前一天", "2022-05-03", {"relative": True}),
            ("同月8日", "2022-05-08", {"relative": True}),
            ("次月5日", "2022-06-05", {"relative": True}),
            ("次年1月2日", "2023-01-02", {"relative": True}),
        ],
    ),
    (
        "2022年5月1日报案。3日14时许，民警到场。15时许离开",
        [
            ("2022年5月1日", "2022-05-01", {}),
            ("3日14时许", "2022-05-03T14:00", {"month_inferred": True}),
            ("15时许", "2022-05-03T15:00", {"date_inferred": True}),
        ],
    ),
    (
        "讯问时间：2022年5月3日14时30分至2022年5月3日16时10分；讯问地点：某派出所",
        [
            ("2022年5月3日14时30分", "2022-05-03T14:30", {"range_start": True}),
            ("2022年5月3日16时10分", "2022-05-03T16:10", {"range_end": True}),
        ],
    ),
    (
        "时间：2022年5月3日14时30分至16时10分",
        [
            ("2022年5月3日14时30分", "2022-05-03T14:30", {"range_start": True}),
            ("16时10分", "2022-05-03T16:10", {"range_end": True}),
        ],
    ),
    (
        "询问时间：二〇二二年五月三日十四时三十分至十六时十分",
        [
            ("二〇二二年五月三日十四时三十分", "2022-05-03T14:30", {}),
            ("十六时十分", "2022-05-03T16:10", {"range_end": True}),
        ],
    ),
    (
        "2022年5月3日下午2时至4时",
        [("2022年5月3日下午2时", "2022-05-03T14:00", {}), ("4时", "2022-05-03T16:00", {"range_end": True})],
    ),
    (
        "2022年5月3日23时至1时",
        [("2022年5月3日23时", "2022-05-03T23:00", {}), ("1时", "2022-05-04T01:00", {"next_day": True})],
    ),
    (
        "2022年5月3日晚上8时至次日凌晨2时",
        [("2022年5月3日晚上8时", "2022-05-03T20:00", {}), ("次日凌晨2时", "2022-05-04T02:00", {"range_end": True})],
    ),
    (
        "2022年5月1日至3日",
        [("2022年5月1日", "2022-05-01", {"range_start": True}), ("3日", "2022-05-03", {"range_end": True})],
    ),
    (
        "自2022年5月3日起至2022年6月1日止",
        [("2022年5月3日", "2022-05-03", {}), ("2022年6月1日", "2022-06-01", {"range_end": True})],
    ),
    (
        "2022年5月1日至5月3日",
        [("2022年5月1日", "2022-05-01", {}), ("5月3日", "2022-05-03", {"range_end": True})],
    ),
    (
        "2022年4月至5月间",
        [("2022年4月", "2022-04", {"range_start": True}), ("5月", "2022-05", {"range_end": True})],
    ),
    (
        "2022年5月3日到3号楼找人",
        [("2022年5月3日", "2022-05-03", {})],
    ),
    (
        "2022-05-03 14:30-16:10",
        [("2022-05-03 14:30", "2022-05-03T14:30", {}), ("16:10", "2022-05-03T16:10", {"range_end": True})],
    ),
    # nothing to resolve against: kept, but without a value
    (
        "次日，5月3日，同年6月1日",
        [
            ("次日", None, {"relative": True, "unresolved": True}),
            ("5月3日", None, {"unresolved": True, "month": 5, "day": 3}),
            ("同年6月1日", None, {"unresolved": True}),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEQUENCES)
def test_sequences(text: str, expected: list[tuple[str, str | None, dict[str, Any]]]) -> None:
    found = extract_datetimes(text)
    assert [e.text for e in found] == [surface for surface, _, _ in expected]
    for ent, (_, value, attrs) in zip(found, expected, strict=True):
        assert text[ent.start : ent.end] == ent.text
        assert ent.value == value, ent.text
        _check_attrs(ent, attrs)


DATETIME_NEGATIVES = [
    "东公（刑）立字〔2022〕123号",
    "依照《中华人民共和国刑法》第二百六十四条之规定",
    "共计3000元",
    "电话13812345678",
    "身份证号11010519900307451X",
    "银行卡号6222021234567890123",
    "案件编号A3201020500002022050012",
    "我当时一时冲动",
    "提出两点意见",
    "有以下3点",
    "及时报告，同时",
    "应当在24小时以内",
    "1.5万元",
    "版本2.3.1",
    "拘役3个月",
    "2022",
    "第3日",
]


@pytest.mark.parametrize("text", DATETIME_NEGATIVES)
def test_datetime_negatives(text: str) -> None:
    assert extract_datetimes(text) == []


PARSE_ROWS: list[tuple[str, datetime | date | None]] = [
    ("2022年5月3日9时", datetime(2022, 5, 3, 9, 0)),
    ("2022年5月3日", date(2022, 5, 3)),
    ("  2022年5月3日下午2时30分  ", datetime(2022, 5, 3, 14, 30)),
    ("二〇二二年五月三日十四时三十分", datetime(2022, 5, 3, 14, 30)),
    ("2022-05-03 14:30:15", datetime(2022, 5, 3, 14, 30, 15)),
    ("2022.5.3", date(2022, 5, 3)),
    ("2022年5月3日9时至10时", datetime(2022, 5, 3, 9, 0)),
    ("出生日期：1990年1月1日", date(1990, 1, 1)),
    ("19900101", date(1990, 1, 1)),
    ("19900230", None),
    ("2022年2月30日", None),
    ("2022年5月", None),
    ("次日", None),
    ("9时", None),
    ("无", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_ROWS)
def test_parse_datetime(text: str, expected: datetime | date | None) -> None:
    result = parse_datetime(text)
    assert result == expected
    assert type(result) is type(expected)


# text, surface, value, attrs
DURATION_ROWS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("应当在24小时以内通知家属", "24小时以内", "PT24H", {"amount": 24, "unit": "hour", "qualifier": "within"}),
    ("二十四小时内", "二十四小时内", "PT24H", {"qualifier": "within"}),
    ("最长12小时", "12小时", "PT12H", {}),
    ("应当在3日以内作出决定", "3日以内", "P3D", {"unit": "day"}),
    ("延长至七日", "七日", "P7D", {"amount": 7}),
    ("15日以内", "15日以内", "P15D", {}),
    ("提请批准逮捕的时间可以延长至三十日", "三十日", "P30D", {"amount": 30}),
    ("期限为1个月", "1个月", "P1M", {"unit": "month"}),
    ("拘役六个月", "六个月", "P6M", {"measure": "拘役"}),
    ("有期徒刑两年", "两年", "P2Y", {"unit": "year", "measure": "有期徒刑"}),
    ("住院10天", "10天", "P10D", {}),
    ("决定拘留十日", "十日", "P10D", {"measure": "拘留"}),
    ("对张某处行政拘留10日，并处罚款500元", "10日", "P10D", {"measure": "行政拘留"}),
    ("判处有期徒刑一年零六个月", "一年零六个月", "P1Y6M", {"measure": "有期徒刑"}),
    ("取保候审十二个月", "十二个月", "P12M", {"measure": "取保候审"}),
    ("监视居住期限为六个月", "六个月", "P6M", {"measure": "监视居住"}),
    ("半年", "半年", "P6M", {"amount": 0.5}),
    ("一个半月", "一个半月", "P1M15D", {}),
    ("一年半", "一年半", "P1Y6M", {}),
    ("1.5小时", "1.5小时", "PT1H30M", {}),
    ("两个半小时", "两个半小时", "PT2H30M", {}),
    ("半小时", "半小时", "PT30M", {}),
    ("3个工作日", "3个工作日", "P3D", {"working_days": True}),
    ("十余日", "十余日", "P10D", {"approximate": True}),
    ("两年多", "两年多", "P2Y", {"approximate": True}),
    ("3周", "3周", "P3W", {"unit": "week"}),
    ("3天2小时", "3天2小时", "P3DT2H", {}),
    ("30分钟", "30分钟", "PT30M", {"unit": "minute"}),
    ("强制隔离戒毒二年", "二年", "P2Y", {"measure": "强制隔离戒毒"}),
]


@pytest.mark.parametrize(("text", "surface", "value", "attrs"), DURATION_ROWS)
def test_durations(text: str, surface: str, value: str, attrs: dict[str, Any]) -> None:
    ent = _at(extract_durations(text), text, surface)
    assert ent.type == EntityType.DURATION
    assert ent.source == "pattern:duration"
    assert ent.value == value
    _check_attrs(ent, attrs)


DURATION_NEGATIVES = [
    "2022年5月3日",
    "二〇二二年五月三日",
    "一九九八年",
    "5月3日",
    "2022年5月1日至3日",
    "5月1日报案，3日14时许到案",
    "第3日",
    "张某18周岁",
    "80年代",
    "有一天晚上",
    "14时30分",
    "3000日元",
    "拘役3月份",
]


@pytest.mark.parametrize("text", DURATION_NEGATIVES)
def test_duration_negatives(text: str) -> None:
    assert extract_durations(text) == []


def test_registered() -> None:
    assert registry.extractors.get("datetime") is extract_datetimes
    assert registry.extractors.get("duration") is extract_durations


def test_scales_linearly(assert_scales_linearly) -> None:
    para = (
        "2022年5月3日14时30分许，张某在某超市盗窃手机一部，价值人民币4800元。次日凌晨2时许被抓获，"
        "当日被刑事拘留，拘留期限三十日。问：你当时为什么这么做？答：一时冲动。时间：2022年5月4日9时至10时30分。\n"
    )
    for func in (extract_datetimes, extract_durations):
        assert_scales_linearly(func, para)
