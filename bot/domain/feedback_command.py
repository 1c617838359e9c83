"""What a `/feedback ...` message is stored as: the feedback itself, without the command.

A fan's `/feedback 希望出一期新手教程` is a comment like any other (tagged, quoted in digests,
offered as a topic idea), and what the fan said is the text after the command. A bare
`/feedback` (no text: the bot answers with the usage) stays as it was typed.
"""

from __future__ import annotations

import re

FEEDBACK_COMMAND = "/feedback"
# The command as Telegram marks it: case as declared, an optional @bot mention, then space.
_PREFIX = re.compile(r"/feedback(?:@[A-Za-z0-9_]{1,64})?(?:\s+|$)")


def stored_text(text: str | None) -> str | None:
    """`text` without a leading /feedback command when feedback follows it."""
    if text is None or not text.startswith(FEEDBACK_COMMAND):
        return text
    found = _PREFIX.match(text)
    if found is None:
        return text  # /feedbacks, /feedback_x: another command, or none
    rest = text[found.end() :].strip()
    return rest or text
