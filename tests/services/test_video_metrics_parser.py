"""The platform-number file parser: encodings, delimiters, headers, values, every refused row and
every unreadable file (nothing here touches the database)."""

from __future__ import annotations

import io
import random
from datetime import date, datetime

import openpyxl
import pytest

from bot.domain import video_metrics_read
from bot.domain.video_metrics_csv import template_csv
from bot.domain.video_metrics_import import (
    KnownVideo,
    MetricRow,
    Reason,
    Refused,
    parse_metrics,
    settle,
)
from bot.domain.video_metrics_line import LineError, LineErrorCode, parse_metrics_line
from bot.domain.video_metrics_read import FileErrorCode, MetricsFileError
from bot.domain.video_metrics_values import (
    CellRefused,
    ValueProblem,
    parse_count,
    parse_day,
    parse_platform,
)

DAY = date(2026, 11, 27)
CHINESE = (
    "视频编号,平台,日期,播放量（次）,点赞,评论,收藏,分享\r\n"
    'v1,抖音,2026年11月27日,1.2万,800,"1,200",30,5\r\n'
    "v2,B站,2026/11/27,3456,12,3,4,1\r\n"
)


def reasons(refused: list[Refused]) -> list[tuple[int, Reason]]:
    return [(item.line, item.reason) for item in refused]


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_gbk_chinese_csv_imports() -> None:
    parsed = parse_metrics(CHINESE.encode("gbk"))
    assert (parsed.format, parsed.encoding) == ("csv", "gb18030")
    assert parsed.refused == []
    assert parsed.rows == [
        MetricRow(2, "v1", "douyin", DAY, (12_000, 800, 1_200, 30, 5)),
        MetricRow(3, "v2", "bilibili", DAY, (3_456, 12, 3, 4, 1)),
    ]


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (CHINESE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + CHINESE.encode("utf-8"), "utf-8-sig"),
        (CHINESE.encode("utf-16"), "utf-16"),  # with its byte-order mark
        (CHINESE.encode("gb18030"), "gb18030"),
    ],
)
def test_every_encoding_a_spreadsheet_writes_reads_the_same(encoded: bytes, encoding: str) -> None:
    parsed = parse_metrics(encoded)
    assert parsed.encoding == encoding
    counts = [row.counts for row in parsed.rows]
    assert counts == [(12_000, 800, 1_200, 30, 5), (3_456, 12, 3, 4, 1)]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters_and_a_title_line_above_the_header(delimiter: str) -> None:
    lines = [
        "Video stats, exported 2026-11-28",
        delimiter.join(["Video", "Platform", "Date", "Plays", "Likes"]),
        delimiter.join(["V3", "YouTube", "2026-11-27", "1000", "10"]),
    ]
    parsed = parse_metrics("\n".join(lines).encode())
    assert parsed.rows == [MetricRow(3, "V3", "youtube", DAY, (1_000, 10, None, None, None))]
    assert [metric.value for metric in parsed.metrics] == ["plays", "likes"]


@pytest.mark.parametrize(
    ("cell", "count"),
    [
        ("12000", 12_000),
        (" 12,000 ", 12_000),
        ("12 000", 12_000),
        ("１２０００", 12_000),
        ("1.2万", 12_000),
        ("1.23456万", 12_346),
        ("3亿", 300_000_000),
        ("2.35萬", 23_500),
        ("3億", 300_000_000),
        ("1.2w", 12_000),
        ("8K", 8_000),
        ("+15", 15),
        ("", None),
        ("-", None),
        ("—", None),
        (None, None),
        (12000, 12_000),
        (12000.0, 12_000),
    ],
)
def test_counts_as_spreadsheets_and_dashboards_write_them(cell: object, count: int | None) -> None:
    assert parse_count(cell) == count  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("-5", ValueProblem.NEGATIVE),
        (-5, ValueProblem.NEGATIVE),
        ("-1.2万", ValueProblem.NEGATIVE),
        ("abc", ValueProblem.NOT_A_NUMBER),
        ("12.5", ValueProblem.NOT_A_NUMBER),
        (12.5, ValueProblem.NOT_A_NUMBER),
        ("12%", ValueProblem.NOT_A_NUMBER),
        ("1e5", ValueProblem.NOT_A_NUMBER),
        ("NaN", ValueProblem.NOT_A_NUMBER),
        (True, ValueProblem.NOT_A_NUMBER),
        ("=A1*2", ValueProblem.FORMULA),
    ],
)
def test_bad_counts_are_refused(cell: object, problem: ValueProblem) -> None:
    with pytest.raises(CellRefused) as refused:
        parse_count(cell)  # type: ignore[arg-type]
    assert refused.value.problem is problem


@pytest.mark.parametrize(
    "cell",
    [
        "2026-11-27",
        "2026/11/27",
        "2026.11.27",
        "2026年11月27日",
        "２０２６年１１月２７日",
        "2026-11-27 08:30:00",
        "20261127",
        "46353",  # an Excel serial written as text
        46353,
        datetime(2026, 11, 27, 8, 30),  # noqa: DTZ001 - a spreadsheet's cell is naive
        DAY,
    ],
)
def test_days_in_every_form(cell: object) -> None:
    assert parse_day(cell) == DAY  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "cell", ["2026-13-01", "2026-02-30", "27/11/2026", "tomorrow", "1999-01-01", 12.5, "", None]
)
def test_bad_days_are_refused(cell: object) -> None:
    with pytest.raises(CellRefused) as refused:
        parse_day(cell)  # type: ignore[arg-type]
    assert refused.value.problem is ValueProblem.BAD_DATE


def test_a_day_after_the_latest_allowed_is_refused() -> None:
    with pytest.raises(CellRefused):
        parse_day("2026-11-28", date(2026, 11, 27))


@pytest.mark.parametrize(
    ("cell", "platform"),
    [("抖音", "douyin"), ("B站", "bilibili"), ("ｂ站", "bilibili"), ("YouTube", "youtube"),
     ("Tik Tok", "tiktok"), ("视频号", "weixin"), ("小红书", "xiaohongshu"), ("", None)],
)  # fmt: skip
def test_platform_names(cell: str, platform: str | None) -> None:
    assert parse_platform(cell) == platform


def test_every_kind_of_bad_row_is_refused_with_its_line() -> None:
    content = (
        "video,platform,date,plays,likes\n"
        "v1,douyin,2026-11-27,100,1\n"  # 2: fine
        "v1,douyin,2026-11-27,-100,1\n"  # 3: negative
        "v1,douyin,2026-11-26,lots,1\n"  # 4: not a number
        "v1,douyin,2026-11-31,100,1\n"  # 5: bad date
        "v1,myspace,2026-11-27,100,1\n"  # 6: unknown platform
        ",douyin,2026-11-27,100,1\n"  # 7: no video
        "v1,douyin,,100,1\n"  # 8: no date
        "v1,douyin,2026-11-25,,\n"  # 9: no number at all
        "v1,douyin,2026-11-24,=B2*1000,1\n"  # 10: a formula
        '=HYPERLINK("x"),douyin,2026-11-24,1,1\n'  # 11: a formula as the video
        "\n"  # 12: blank, skipped
        "v1,douyin,2026-11-23\n"  # 13: a short row: no number
    )
    parsed = parse_metrics(content.encode())
    assert [row.line for row in parsed.rows] == [2]
    assert reasons(parsed.refused) == [
        (3, Reason.NEGATIVE),
        (4, Reason.NOT_A_NUMBER),
        (5, Reason.BAD_DATE),
        (6, Reason.UNKNOWN_PLATFORM),
        (7, Reason.MISSING_VALUE),
        (8, Reason.MISSING_VALUE),
        (9, Reason.MISSING_VALUE),
        (10, Reason.FORMULA),
        (11, Reason.FORMULA),
        (13, Reason.MISSING_VALUE),
    ]
    assert parsed.refused[0] == Refused(3, Reason.NEGATIVE, "plays", "-100")


def test_settle_names_unknown_videos_duplicates_and_fills_the_platform() -> None:
    content = (
        "video,platform,date,plays\n"
        "v1,,2026-11-27,100\n"  # 2: the video's own platform
        "1,bilibili,2026-11-27,100\n"  # 3: "1" is v1
        "v1,bilibili,2026-11-27,200\n"  # 4: duplicate of line 3
        "v9,douyin,2026-11-27,100\n"  # 5: unknown video
        "BV1xx411c7mD,bilibili,2026-11-26,50\n"  # 6: v1 by its platform id
    )
    parsed = parse_metrics(content.encode())
    assert parsed.references() >= {"v1", "1", "v9", "BV1xx411c7mD"}
    known = KnownVideo(7, "douyin")
    settled = settle(parsed, {"v1": known, "BV1xx411c7mD": known})
    assert [(row.line, row.video_id, row.platform, row.day) for row in settled.rows] == [
        (2, 7, "douyin", DAY),
        (3, 7, "bilibili", DAY),
        (6, 7, "bilibili", date(2026, 11, 26)),
    ]
    assert reasons(settled.refused) == [(4, Reason.DUPLICATE), (5, Reason.UNKNOWN_VIDEO)]


def test_xlsx_numbers_dates_and_formulas() -> None:
    content = xlsx(
        [
            ["作品", "日期", "播放", "点赞"],
            ["v1", datetime(2026, 11, 27), 1500, 20],  # noqa: DTZ001 - a naive cell
            ["v2", 46353, "1.5万", 30.0],
            ["v3", "2026-11-27", "=B2*2", 1],
            ["v4", DAY, 1.5, 1],
        ]
    )
    parsed = parse_metrics(content)
    assert parsed.format == "xlsx"
    assert parsed.rows == [
        MetricRow(2, "v1", None, DAY, (1_500, 20, None, None, None)),
        MetricRow(3, "v2", None, DAY, (15_000, 30, None, None, None)),
    ]
    assert reasons(parsed.refused) == [(4, Reason.FORMULA), (5, Reason.NOT_A_NUMBER)]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", FileErrorCode.EMPTY),
        (b" \r\n\t ", FileErrorCode.EMPTY),
        (b"\xef\xbb\xbf", FileErrorCode.EMPTY),
        (random.Random(8).randbytes(4096), FileErrorCode.UNREADABLE),
        (b"\x00\x01\x02video,date,plays\n", FileErrorCode.UNREADABLE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), FileErrorCode.XLS),
        (b"PK\x03\x04 not really a zip", FileErrorCode.UNREADABLE),
        (b"name,score\nada,3\n", FileErrorCode.NO_HEADER),
        (b"video,plays\nv1,100\n", FileErrorCode.MISSING_COLUMN),
        (b"video,date,title\nv1,2026-11-27,x\n", FileErrorCode.MISSING_COLUMN),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(content: bytes, code: FileErrorCode) -> None:
    with pytest.raises(MetricsFileError) as refused:
        parse_metrics(content)
    assert refused.value.code is code


def test_too_large_files_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    content = b"video,date,plays\n" + b"v1,2026-11-27,1\n" * 20
    monkeypatch.setattr(video_metrics_read, "MAX_ROWS", 10)
    with pytest.raises(MetricsFileError) as refused:
        parse_metrics(content)
    assert refused.value.code is FileErrorCode.TOO_LARGE
    monkeypatch.setattr(video_metrics_read, "MAX_FILE_BYTES", 100)
    with pytest.raises(MetricsFileError) as refused:
        parse_metrics(content)
    assert refused.value.code is FileErrorCode.TOO_LARGE


def test_a_hundred_thousand_rows() -> None:
    body = "".join(
        f"v{index % 40},douyin,2026-{index % 12 + 1:02d}-{index % 28 + 1:02d},{index},{index % 9}\n"
        for index in range(100_000)
    )
    parsed = parse_metrics(("video,platform,date,plays,likes\n" + body).encode())
    assert len(parsed.rows) == 100_000
    assert parsed.refused == []
    assert parsed.rows[-1] == MetricRow(
        100_001, "v39", "douyin", date(2026, 4, 12), (99_999, 99_999 % 9, None, None, None)
    )


def test_a_typed_line() -> None:
    parsed = parse_metrics_line("v12 B站 2026年11月26日 播放量=1.2万 likes:800 收藏：9", DAY)
    assert parsed.rows == [
        MetricRow(1, "v12", "bilibili", date(2026, 11, 26), (12_000, 800, None, 9, None))
    ]
    parsed = parse_metrics_line("v12 plays=100", DAY)
    assert parsed.rows == [MetricRow(1, "v12", None, DAY, (100, None, None, None, None))]
    refused = parse_metrics_line("v12 plays=-3", DAY).refused
    assert reasons(refused) == [(1, Reason.NEGATIVE)]
    assert reasons(parse_metrics_line("v12 2026-02-30 plays=3", DAY).refused) == [
        (1, Reason.BAD_DATE)
    ]


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("", LineErrorCode.USAGE),
        ("v12", LineErrorCode.USAGE),
        ("v12 douyin", LineErrorCode.USAGE),
        ("v12 banana plays=1", LineErrorCode.UNKNOWN_WORD),
        ("v12 mood=3", LineErrorCode.UNKNOWN_WORD),
    ],
)
def test_a_typed_line_that_makes_no_sense(line: str, code: LineErrorCode) -> None:
    with pytest.raises(LineError) as error:
        parse_metrics_line(line, DAY)
    assert error.value.code is code


@pytest.mark.parametrize(
    "headers",
    [
        ["video", "platform", "date", "plays", "likes", "comments", "favourites", "shares"],
        ["视频编号", "平台", "日期", "播放量", "点赞", "评论", "收藏", "分享"],
    ],
)
def test_the_template_reads_back(headers: list[str]) -> None:
    content = template_csv("Cumulative totals, as the platforms export them.", headers)
    assert content.startswith(b"\xef\xbb\xbf")
    filled = content + "v1,抖音,2026-11-27,1,2,3,4,5\r\n".encode()
    parsed = parse_metrics(filled)
    assert parsed.rows == [MetricRow(3, "v1", "douyin", DAY, (1, 2, 3, 4, 5))]
