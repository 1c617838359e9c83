"""History import sources: JSON or zip in any form an operator sends, and every refusal's code."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from bot.domain.history import (
    ImportErrorCode,
    ImportFileError,
    ImportLimits,
    json_stream,
    open_history,
    read_history,
)

FIXTURE = Path(__file__).parent / "fixtures" / "history" / "result.json"
EXPORT = FIXTURE.read_bytes()
FOLDER = "ChatExport_2024-03-01"


def zipped(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refused(source: object, code: ImportErrorCode, **limits: int | float) -> ImportFileError:
    with pytest.raises(ImportFileError) as caught:
        read_history(source, limits=ImportLimits(**limits))  # type: ignore[arg-type]
    assert caught.value.code is code, caught.value
    return caught.value


def test_the_same_records_from_bytes_a_path_a_file_object_and_a_zip(tmp_path: Path) -> None:
    expected = read_history(EXPORT)
    archive = zipped(
        {
            f"{FOLDER}/result.json": EXPORT,
            f"{FOLDER}/photos/photo_1@01-03-2024_16-02-00.jpg": b"\xff\xd8" + bytes(64),
            f"{FOLDER}/css/style.css": b"body{}",
        }
    )
    path = tmp_path / "export.zip"
    path.write_bytes(archive)
    from_zip = read_history(path)
    assert from_zip.messages == expected.messages
    assert from_zip.chat == expected.chat
    assert from_zip.stats.member == f"{FOLDER}/result.json"
    assert read_history(FIXTURE).messages == expected.messages
    assert read_history(str(FIXTURE)).messages == expected.messages
    assert read_history(io.BytesIO(archive)).messages == expected.messages
    assert read_history(bytearray(EXPORT)).messages == expected.messages


def test_a_stored_zip_and_a_top_level_result_json_work_too() -> None:
    parsed = read_history(zipped({"result.json": EXPORT}, method=zipfile.ZIP_STORED))
    assert (parsed.stats.messages, parsed.stats.member) == (22, "result.json")


def test_a_byte_order_mark_is_accepted() -> None:
    assert read_history(b"\xef\xbb\xbf" + EXPORT).stats.messages == 22


def test_the_top_most_result_json_wins() -> None:
    other = json.dumps({"name": "x", "type": "private_channel", "id": 1, "messages": []})
    archive = zipped({f"{FOLDER}/old/result.json": other.encode(), f"{FOLDER}/result.json": EXPORT})
    parsed = read_history(archive)
    assert (parsed.stats.member, parsed.stats.messages) == (f"{FOLDER}/result.json", 22)


def test_two_result_json_at_the_same_depth_are_ambiguous() -> None:
    archive = zipped({"a/result.json": EXPORT, "b/result.json": EXPORT})
    error = refused(archive, ImportErrorCode.AMBIGUOUS_EXPORT)
    assert "a/result.json" in error.detail


def test_a_zip_without_result_json_is_not_an_export() -> None:
    refused(zipped({"notes.txt": b"hello"}), ImportErrorCode.NOT_AN_EXPORT)


def test_an_html_export_is_named_as_such() -> None:
    html = zipped({f"{FOLDER}/messages.html": b"<html></html>", f"{FOLDER}/css/style.css": b""})
    refused(html, ImportErrorCode.HTML_EXPORT)


@pytest.mark.parametrize(
    "name", ["../result.json", "/etc/result.json", "C:/result.json", "a/../../x", "a\\..\\x"]
)
def test_path_traversal_names_are_refused(name: str) -> None:
    refused(zipped({name: b"x", "result.json": EXPORT}), ImportErrorCode.UNSAFE_ZIP)


def test_a_symlinked_result_json_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("result.json")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    refused(buffer.getvalue(), ImportErrorCode.UNSAFE_ZIP)


def test_an_encrypted_result_json_is_named_as_such() -> None:
    # zipfile cannot encrypt: set the "encrypted" flag in the local and central headers.
    archive = bytearray(zipped({"result.json": EXPORT}))
    archive[6] |= 0x1
    archive[archive.index(b"PK\x01\x02") + 8] |= 0x1
    refused(bytes(archive), ImportErrorCode.ENCRYPTED_ZIP)


def test_a_truncated_zip_is_damaged() -> None:
    archive = zipped({f"{FOLDER}/result.json": EXPORT})
    refused(archive[: len(archive) // 2], ImportErrorCode.DAMAGED_ZIP)


def test_corrupted_compressed_data_is_damaged() -> None:
    archive = bytearray(zipped({"result.json": EXPORT}))
    data_start = 30 + len("result.json")
    for offset in range(data_start + 100, data_start + 140):
        archive[offset] ^= 0x5A
    refused(bytes(archive), ImportErrorCode.DAMAGED_ZIP)


def test_a_wrong_checksum_is_damaged() -> None:
    archive = bytearray(zipped({"result.json": EXPORT}, method=zipfile.ZIP_STORED))
    position = 30 + len("result.json") + EXPORT.index(b"1987654321")
    archive[position] = ord("2")
    refused(bytes(archive), ImportErrorCode.DAMAGED_ZIP)


def test_a_high_compression_ratio_is_a_zip_bomb() -> None:
    padded = EXPORT[:-2] + b" " * 2_000_000 + b"}\n"
    archive = zipped({"result.json": padded})
    refused(archive, ImportErrorCode.ZIP_BOMB, ratio_floor_bytes=1_000_000)
    assert read_history(archive).stats.messages == 22


def test_too_many_zip_entries_is_a_zip_bomb() -> None:
    entries = {f"photos/{n}.jpg": b"" for n in range(20)} | {"result.json": EXPORT}
    refused(zipped(entries), ImportErrorCode.ZIP_BOMB, max_zip_entries=10)


def test_size_limits() -> None:
    refused(EXPORT, ImportErrorCode.TOO_LARGE, max_file_bytes=len(EXPORT) - 1)
    refused(EXPORT, ImportErrorCode.TOO_LARGE, max_json_bytes=len(EXPORT) // 2)
    archive = zipped({"result.json": EXPORT})
    refused(archive, ImportErrorCode.TOO_LARGE, max_json_bytes=len(EXPORT) - 1)
    refused(EXPORT, ImportErrorCode.TOO_LARGE, max_messages=21)
    assert read_history(EXPORT, limits=ImportLimits(max_messages=22)).stats.messages == 22


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   ",
        b"<!DOCTYPE html><html>",
        b"hello",
        b"\xff\xfe{\x00",
        b'{"name": x}',
        b'{"name": "\\q"}',
        b'{"name": tru}',
        b'{"name" "x"}',
    ],
)
def test_what_is_not_json(data: bytes) -> None:
    refused(data, ImportErrorCode.NOT_JSON)


@pytest.mark.parametrize(
    "cut", [1, 2, 100, 101, 102, 103, 104, 105, len(EXPORT) // 2, len(EXPORT) - 3]
)
def test_a_cut_off_file_is_truncated(cut: int) -> None:
    refused(EXPORT[:cut], ImportErrorCode.TRUNCATED)


@pytest.mark.parametrize("tail", [b'{"a": tr', b'{"a": "\\u12', b'{"a": -', b'{"a": 12', b'{"a"'])
def test_a_value_cut_at_the_end_is_truncated(tail: bytes) -> None:
    refused(tail, ImportErrorCode.TRUNCATED)


def test_damage_in_the_middle_is_not_json() -> None:
    position = EXPORT.index(b'"from": "Alice Chen"')
    damaged = EXPORT[:position] + b"}}}" + EXPORT[position:]
    refused(damaged, ImportErrorCode.NOT_JSON)


def test_trailing_garbage_is_not_json() -> None:
    refused(EXPORT + b"{}", ImportErrorCode.NOT_JSON)


@pytest.mark.parametrize(
    "document",
    [
        [],
        {"name": "x"},
        {"name": "x", "type": "private_supergroup", "id": 5},
        {"name": "x", "type": "private_supergroup", "id": 5, "messages": {}},
        {"name": "x", "type": "private_supergroup", "messages": []},
        {"name": "x", "type": "private_supergroup", "id": "5", "messages": []},
        {"type": "private_supergroup", "id": 5, "messages": [{"type": "message"}]},
        {"type": "private_supergroup", "id": 5, "messages": [7]},
        {"type": "private_supergroup", "id": 5, "messages": [{"id": 1, "type": "message"}]},
        {
            "type": "private_supergroup",
            "id": 5,
            "messages": [{"id": 1, "type": "message", "date_unixtime": "9" * 20}],
        },
        {
            "type": "private_supergroup",
            "id": 5,
            "messages": [{"id": 1, "type": "message", "date": "yesterday"}],
        },
    ],
)
def test_json_that_is_not_a_chat_export(document: object) -> None:
    refused(json.dumps(document).encode(), ImportErrorCode.NOT_AN_EXPORT)


def test_a_whole_account_export_is_named_as_such() -> None:
    account = {"about": "Here is the data you requested.", "chats": {"about": "", "list": []}}
    refused(json.dumps(account).encode(), ImportErrorCode.ACCOUNT_EXPORT)


@pytest.mark.parametrize(
    "export_type",
    ["private_channel", "public_channel", "personal_chat", "bot_chat", "saved_messages"],
)
def test_exports_of_anything_but_a_group_are_refused(export_type: str) -> None:
    document = {"name": "x", "type": export_type, "id": 5, "messages": []}
    error = refused(json.dumps(document).encode(), ImportErrorCode.NOT_A_GROUP)
    assert export_type in error.detail


def test_a_channel_is_refused_before_its_messages_are_parsed() -> None:
    # Parsing this broken message would raise not_an_export; the header is checked first.
    document = {"type": "private_channel", "id": 5, "messages": [{"type": "message"}]}
    refused(json.dumps(document).encode(), ImportErrorCode.NOT_A_GROUP)


def test_open_history_refuses_a_bad_file_before_yielding_anything() -> None:
    with pytest.raises(ImportFileError) as caught:
        open_history(EXPORT[:-10])
    assert caught.value.code is ImportErrorCode.TRUNCATED


def test_open_history_streams_from_a_zip_file_object() -> None:
    stream = open_history(io.BytesIO(zipped({f"{FOLDER}/result.json": EXPORT})))
    assert sum(len(chunk) for chunk in stream.chunks(7)) == 22


def test_an_unseekable_file_object_is_a_caller_error() -> None:
    class Pipe(io.RawIOBase):
        def seekable(self) -> bool:
            return False

    with pytest.raises(ValueError, match="seekable"):
        read_history(Pipe())  # type: ignore[arg-type]


def test_every_cut_of_an_export_is_truncated_never_misread() -> None:
    document = json.loads(EXPORT)
    document["messages"] = [
        message for message in document["messages"] if message.get("id") in {3, 4, 12, 15, 18}
    ]
    data = json.dumps(document, ensure_ascii=False, indent=1).encode()
    assert read_history(data).stats.messages == 5
    codes = set()
    for cut in range(1, len(data)):
        with pytest.raises(ImportFileError) as caught:
            read_history(data[:cut])
        codes.add(caught.value.code)
    assert codes == {ImportErrorCode.TRUNCATED}


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_damage_under_other_compression_methods_is_damaged(method: int) -> None:
    archive = bytearray(zipped({"result.json": EXPORT}, method=method))
    data_start = 30 + len("result.json")
    for offset in range(data_start + 40, data_start + 80):
        archive[offset] ^= 0x5A
    refused(bytes(archive), ImportErrorCode.DAMAGED_ZIP)


def test_a_value_much_larger_than_the_read_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_stream, "CHUNK_BYTES", 16)
    text = "长" * 200_000
    message = {"id": 1, "type": "message", "date_unixtime": "1709280000", "text": text}
    document = {"type": "private_group", "id": 5, "name": "n" * 100_000, "messages": [message]}
    parsed = read_history(json.dumps(document, ensure_ascii=False).encode())
    assert parsed.messages[0].text == text
