"""GET /app/texts/<locale>.json: the screens' words (the `ui-` messages of bot/locales) as
Fluent source, `{"ui-inbox-total": "{ $more -> ... }"}`, formatted in the browser by
static/fluent.js.

Public, like the static files: they are the product's own words, and the page needs them before
it has a login (to say "open this from Telegram"). Sent as source rather than formatted here so
that counts and names are filled in where they are known, with the locale's plural rules."""

from __future__ import annotations

import json

from aiohttp import web

from bot.i18n import LOCALES
from bot.i18n.patterns import patterns

# Revalidated rather than cached blind: the words change with a deploy and their URL does not.
TEXTS_CACHE = "no-cache"
ROUTE = "/texts/{locale}.json"


async def screen_texts(request: web.Request) -> web.StreamResponse:
    wanted = request.match_info["locale"]
    locale = next((locale for locale in LOCALES if locale == wanted), None)
    if locale is None:
        raise web.HTTPNotFound()
    return web.Response(
        text=json.dumps(patterns(locale), ensure_ascii=False, separators=(",", ":")),
        content_type="application/json",
        headers={"Cache-Control": TEXTS_CACHE},
    )
