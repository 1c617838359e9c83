"""The words of /notices: on or off, in either language and script, typed on any keyboard."""

from __future__ import annotations

import unicodedata

_SWITCH = {
    "on": True,
    "开": True,
    "开启": True,
    "打开": True,
    "開": True,
    "開啟": True,
    "打開": True,
    "off": False,
    "关": False,
    "关闭": False,
    "關": False,
    "關閉": False,
}


def parse_switch(word: str) -> bool | None:
    """True for on, False for off, None for anything else (`ＯＦＦ` and `—off` count)."""
    plain = unicodedata.normalize("NFKC", word).strip().lower().lstrip("-—–")
    return _SWITCH.get(plain)
