"""Why an export file was refused, as a machine code the handler turns into a localized reason."""

from __future__ import annotations

from enum import StrEnum


class ImportErrorCode(StrEnum):
    NOT_JSON = "not_json"
    TRUNCATED = "truncated"
    NOT_AN_EXPORT = "not_an_export"
    ACCOUNT_EXPORT = "account_export"
    HTML_EXPORT = "html_export"
    NOT_A_GROUP = "not_a_group"
    DAMAGED_ZIP = "damaged_zip"
    ENCRYPTED_ZIP = "encrypted_zip"
    UNSAFE_ZIP = "unsafe_zip"
    AMBIGUOUS_EXPORT = "ambiguous_export"
    ZIP_BOMB = "zip_bomb"
    TOO_LARGE = "too_large"
    TOO_DEEP = "too_deep"  # nested past what the JSON parser takes
    DOWNLOAD_FAILED = "download_failed"


class ImportFileError(Exception):
    """The file cannot be imported; `code` is stable, `detail` is English for the logs."""

    def __init__(self, code: ImportErrorCode, detail: str) -> None:
        super().__init__(f"{code.value}: {detail}")
        self.code = code
        self.detail = detail

    def __reduce__(self) -> tuple[type[ImportFileError], tuple[ImportErrorCode, str]]:
        # Raised in the parsing worker (bot/services/bounded_parse.py), raised again here.
        return type(self), (self.code, self.detail)
