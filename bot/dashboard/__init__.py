"""The operators' dashboard: a Telegram Mini App served by the bot itself (ARCHITECTURE section
11). `app.py` builds the aiohttp sub-application mounted at /app/, `login.py` reads Telegram's
initData, `api.py` holds the JSON API and its contract; the screens are the files in `static/`."""
