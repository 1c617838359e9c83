"""The dashboard's JSON API under /app/api/: the contract the screens (static/) are written
against. Keep this docstring true when a route changes.

Every call
- sends `Authorization: tma <initData>` (Telegram.WebApp.initData, raw). Missing, forged, signed
  with another bot's token, older than DASHBOARD_LOGIN_MAX_AGE or without a user: 401.
- is limited per person (a token bucket, 10/s, burst 40): 429 with `Retry-After` seconds.
- answers JSON with `Cache-Control: no-store`. Errors are
  `{"error": "<key>", "message": "<the reason, in the caller's language>"}` with 400 (bad
  input: the message says what is wrong and how to fix it), 401, 403 (no role in that group,
  or not enough of one; the same answer whether the group exists or not), 404, 429 or 500.
- is authorized again on the group it names, with the same roles as the commands: analysts
  read, operators act, destructive actions re-checked live with Telegram. A group id in the URL
  or in a start_param is only which group is meant.
- returns texts fans wrote as plain JSON strings, never HTML: show them with `textContent`.
  `<`, `>`, `&` and bidi controls arrive \\u-escaped (JSON.parse restores them), so a body
  pasted anywhere stays inert; isolate them on screen (`dir="auto"`, `unicode-bidi: isolate`).
- names languages `en`, `zh` (Simplified) or `zh-Hant`; dates are ISO 8601 (`2026-12-03`),
  instants ISO 8601 in UTC (`2026-12-03T09:05:00+00:00`); the screens format them.

GET /app/api/me
    {"user": {"id": 42, "first_name": "Ann", "username": "ann" | null},
     "language": "zh",
     "groups": [{"id": -100123, "title": "Fans", "role": "analyst" | "operator" |
                 "administrator"}],            # where they hold a role now, by title
     "current": -100123 | null,                 # the group chosen last with /groups
     "start_group": -100123 | null}             # the start_param's group (`g-100123`) when
                                                # it is one of `groups`, else null
GET /app/api/texts
    {"language": "zh", "texts": {"dash-...": "..."}}   # every `dash-` key of the caller's
                                                        # language, formatted without variables
GET /app/api/groups/{chat_id}/overview?days=7|30|90    (analyst; days defaults to 7)
    {"group": {"id": -100123, "title": "Fans", "timezone": "Asia/Shanghai", "role": "operator"},
     "days": 7, "first_day": "2026-11-27", "last_day": "2026-12-03",   # local days, today last
     "messages": 120, "active_fans": 30, "new_fans": 4, "joins": 5, "leaves": 1,
     "sentiment": {"positive": 10, "neutral": 50, "negative": 3},
     "feedback": [{"tag": "bug", "name": "Bug", "count": 7, "previous": 2, "rising": true}],
                                # every tag of the period, most frequent first; `name` is the
                                # tag as the caller reads it, `previous` the period before
     "rising": [{"tag": "bug", "name": "Bug", "count": 7, "previous": 2,
                 "quotes": [{"message_id": 9, "text": "...", "at": "<instant>",
                             "link": "https://t.me/c/123/9" | null}]}],   # at most 5
     "heatmap": [[0, 1, ...24 hours], ...7 rows],   # fans' messages, Monday first, local hours
     "daily": [{"day": "2026-11-27", "messages": 20, "active_fans": 9, "new_fans": 1,
                "joins": 1, "leaves": 0}],          # oldest first
     "loops": {"closed": 3, "median_wait_seconds": 5400 | null,   # asks answered in the
               "weeks": [{"week": "2026-W48", "closed": 2,       # period (done, linked to a
                          "median_wait_seconds": 3600}]}}        # video, a topic poll made
                                # into one) and the median time from ask to answer; per ISO
                                # week of the group's zone, oldest first, weeks with none left out
GET /app/api/groups/{chat_id}/overview/activity.svg?days=7|30|90&scheme=light|dark   (analyst)
    image/svg+xml: messages (bars) and active fans (line) per day, the digest's chart code
    (bot/dashboard/charts.py); text as <text> in the reader's fonts, transparent background.
    Fetch it with the login and show it as a data: URL in an <img> (no script runs there).

GET /app/api/groups/{chat_id}/inbox   (analyst; bot/dashboard/inbox.py)
    ?q=       the words /inbox takes, typed whole: `#bug status:new @lin 7d subtitles`
              (anything that is not a filter is searched for in the text)
    &tag= &status= &sentiment= &author= &period=   the same filters one by one (a tag by its
              name in any language, a status in the words the bot shows: 已计划)
    &limit=   1-50, default 20          &cursor=   the `cursor` of the previous answer
    {"filters": "<the filters described>", "total": 37, "more": false,   # total capped at
     "timezone": "Asia/Shanghai",                                        # 1000 (more: true)
     "tags": [{"tag": "bug", "name": "Bug"}],     # the group's tags; empty after a cursor
     "items": [ITEM, ...],                         # newest first
     "cursor": "<opaque>" | null}                  # null: nothing further
    ITEM = {"message_id": 9, "at": "<instant>", "author": {"name": "@lin", "id": 42 | null},
            "text": "..." | null, "tags": [{"tag": "bug", "name": "Bug"}],
            "sentiment": "negative", "status": "new" | "triaged" | "planned" | "done" |
            "wontdo", "duplicate_of": 7 | null, "edited": false,
            "link": "https://t.me/c/123/9" | null,
            "evidence": {"sentiment": ["太慢", "凉了"],      # what decided the automatic
                         "tags": [{"tag": "bug", "name": "Bug", "words": ["闪退"]}],
                         "said": "↳ why: negative: 太慢, 凉了 · Bug: 闪退" | null}}
              # evidence (additive): the words as the fan wrote them, at most 4 per decision;
              # empty for a neutral comment, an operator's tag, or one stored before evidence
    A bad filter: 400 with the reason /inbox gives (error "inbox-error").
POST /app/api/groups/{chat_id}/inbox/actions   (operator)
    {"action": "tag" | "untag", "message_ids": [9, 10], "tag": "bug"}
    {"action": "status", "message_ids": [9], "status": "planned"}   # or 已计划, 已計劃
    {"action": "duplicate", "message_ids": [9], "original": 7}       # or a t.me link
    {"action": "video", "message_ids": [9], "video": "v12"}          # as /link v12: askers told
    -> {"action": "tag", "items": [ITEM, ...]}   # the items as they are now
    1-50 ids, each a message stored for this group (else 400, nothing changed); each item's
    change is audited like the command's (feedback-tagged, -untagged, -status-set,
    -duplicate).

Polls (bot/dashboard/polls.py); {number} is the number /polls shows. Read: analyst.
GET  /app/api/groups/{chat_id}/polls
    {"timezone": "...", "polls": [POLL, ...]}       # open ones and the latest others
    POLL = {"number": 12, "question": "...", "status": "scheduled" | "open" | "closed" |
            "cancelled" | "deleted", "anonymous": true, "multiple": false,
            "start_at" | "close_at" | "sent_at" | "closed_at": "<instant>" | null,
            "voters": 3, "options": [{"number": 1, "label": "...", "votes": 2,
            "share": 0.6667, "winner": true, "correct": false}]}
GET  /app/api/groups/{chat_id}/polls/{number}/export    (analyst, re-checked live)
    text/csv (UTF-8 with BOM), the file /poll_export sends
POST /app/api/groups/{chat_id}/polls/{number}/close     (operator, re-checked live)
POST /app/api/groups/{chat_id}/polls/{number}/cancel    (operator, re-checked live)
    -> {"poll": POLL}; 409 "poll-not-open" / "poll-not-scheduled" when it is not (any more)
Making one (bot/dashboard/poll_creation.py), as the guided /poll: operator.
GET  /app/api/groups/{chat_id}/polls/ideas
    {"period": "7d", "ideas": ["<a topic idea fans wrote about>", ...]}   # at most 10
POST /app/api/groups/{chat_id}/polls/preview
    {"question": "...", "options": ["...", "..."],   # typed or picked from the ideas
     "anonymous": true, "multiple": false, "quiz": 2 | null,   # the correct option, from 1
     "start": "2h" | "20:00" | "2026-12-24 18:00" | null,      # null: now
     "close": "1d" | ... | null}                               # null: closed by hand
    -> {"draft": 5, "expires_at": "<instant>",
        "preview": {"question", "options": [{"number", "label", "correct"}],
                    "kind": "single" | "multiple" | "quiz", "anonymous",
                    "start_at" | "close_at": "<instant>" | null, "timezone"}}
    Each part checked as the guided flow checks it: 400 with its reason, nothing stored. The
    draft is the one-line form's (`poll_line`), kept 30 minutes, as a preview in chat.
POST /app/api/groups/{chat_id}/polls/drafts/{draft}/send    (operator, re-checked live)
    -> {"sending": "sent" | "scheduled" | "failed", "poll": POLL}   # audited poll-created
    409 "draft-refused-done" (sent, expired), "-not-owner" (another operator's preview),
    "-gone" (no such poll draft in this group)

Giveaways (bot/dashboard/giveaways.py); {number} is the giveaway's id. Read: analyst.
GET  /app/api/groups/{chat_id}/giveaways
    {"timezone": "...", "giveaways": [GIVEAWAY, ...]}   # the latest ten
    GIVEAWAY = {"number": 3, "prize": "...", "winners": 1, "status": "open" | "drawing" |
                "drawn" | "done" | "cancelled", "created_at", "ends_at", "drawn_at" | null,
                "entrants": 120, "rules": ["<a rule, in the caller's language>"],
                "commitment": "<sha256 hex>", "cancel_reason": "..." | null}
GET  /app/api/groups/{chat_id}/giveaways/{number}/entrants?limit=1-500 (100)&after=<user id>
    {"giveaway": GIVEAWAY,
     "entrants": [{"user_id": 42, "name": "Ann Lee", "entered_at": "<instant>",
                   "eligible": true | false | null,      # open: the rules checked now, as
                   "standing": null | "won" | "replaced" | "skipped" | "not-drawn" |
                               "not-entered",             # the draw checks them; drawn: what
                   "place": 1 | null,                     # the transcript says instead
                   "reason": "left-group" | ... | null, "reason_text": "..." | null}],
     "after": 42 | null}                                  # by user id; null: the end
GET  /app/api/groups/{chat_id}/giveaways/{number}/transcript
    application/json: the published transcript (bot/domain/transcript.py), verifiable with
    `python -m bot verify`; 404 "dashboard-no-transcript" before the draw
POST .../giveaways/{number}/end                          (operator, re-checked live)
POST .../giveaways/{number}/cancel  {"reason": "..."}    (operator, re-checked live)
    -> {"giveaway": GIVEAWAY}; 409 "giveaway-not-open"; 400 "dashboard-no-reason"
POST .../giveaways/{number}/reroll  {"places": [2], "reason": "..."}   (operator, live)
    -> {"giveaway": GIVEAWAY, "winners": [{"entrant", "user_id", "name", "place"}],
        "replaced": ["<entrant id>"], "digest": "<hex>"};
       409 "giveaway-reroll-refused" with the reason /giveaway_reroll gives
Making one (bot/dashboard/giveaway_creation.py), as the guided /giveaway: operator.
POST /app/api/groups/{chat_id}/giveaways/preview
    {"prize": "...", "winners": "3" | 3,           # the flow's answers, read by its readers
     "end": "hour" | "day" | "evening" | "2h" | "12/24 20:00",
     "member": true, "joined": true, "joined_day": "2026-11-01" | "",  # "": before it starts
     "comments": "5/7" | "",                       # at least 5 comments in the last 7 days
     "channel": "@channel" | "", "staff_excluded": true}
    -> {"draft": 6, "expires_at": "<instant>",
        "preview": {"prize", "winners", "ends_at": "<instant>", "rules": ["..."], "timezone"}}
    400 with the flow's reason (giveaway-flow-error) or the one-line form's; nothing stored.
POST /app/api/groups/{chat_id}/giveaways/drafts/{draft}/send   (operator, re-checked live)
    -> {"giveaway": GIVEAWAY}: stored, announced in the group, audited giveaway-created;
    409 "draft-refused-*" as for polls

Videos (bot/dashboard/videos.py). Read: analyst.
GET  /app/api/groups/{chat_id}/videos?page=0&archived=0|1     (10 a page, newest first)
    {"timezone": "...", "page": 0, "pages": 1, "total": 3,
     "videos": [{"number": 1, "code": "V1", "title": "...", "platform": "youtube",
                 "url": "..." | null, "published_at": "<instant>" | null, "archived": false,
                 "linked_comments": 4}]}
GET  /app/api/groups/{chat_id}/videos/{number}        (the numbers of /video's card)
    {"video": {"number", "code", "title", "platform"}, "latest_day": "2026-12-01" | null,
     "totals": NUMBERS, "change": NUMBERS | null,
     "platforms": [{"platform", "day", "numbers": NUMBERS, "previous_day", "change"}],
     "feedback": {"volume": 12, "sentiment": {...}, "mood": "positive",
                  "tags": [{"tag", "name", "count"}], "quotes": ["..."]},
     "funnel": [{"platform": "douyin", "plays": 12000 | null, "joins": 5,
                 "join_rate": 0.0004 | null, "stayed": 3, "settled": 4, "settling": 1,
                 "wrote": 2, "tags": [{"tag", "name", "count"}]}]}
    NUMBERS = {"plays", "likes", "comments", "favourites", "shares": int | null (unknown),
               "engagement": float | null}
    "funnel" (added with video links, bot/domain/video_links.py says what each number
    means): one entry per platform the video has an invite link on, most joins first; [] when
    it has none. joins: people who joined through its links while live; of those whose first
    7 days are over (settled), stayed: did not leave in them; settling: still in their first
    week; wrote: wrote a fan message in their first week; tags: what those messages are about.
POST /app/api/groups/{chat_id}/videos/import?confirmed=1   (operator; bot/dashboard/
     video_import.py) multipart/form-data, the file in the field `file` (.csv or .xlsx, at
     most 20 MB, as a document sent with /video_stats; confirmed=1: totals that go down are
     stored, as /video_stats confirm)
    -> {"taken": 4, "updated": 0, "unchanged": 0, "refused": 2, "decreasing": false,
        "report": "<the chat's report, plain text>",
        "refused_csv": "<base64 of the refused rows' CSV>" | null}   # beyond the first 10
    400 "video-stats-file-error" (nothing imported, the chat's reason), "dashboard-no-file"
GET  /app/api/groups/{chat_id}/videos/template   (operator)
    text/csv: /video_template's file, headers in the caller's language

Settings (bot/dashboard/settings.py). Operator, as /settings and /audit.
GET  /app/api/groups/{chat_id}/settings
    {"language": "zh", "timezone": "Asia/Shanghai",
     "digest": {"time": "09:00", "days": [0, 1, 2, 3, 4, 5, 6], "chat": {"id", "title"} | null,
                "subscribed": false,                # the caller receives it privately
                "chat_choices": [{"id", "title"}]},  # the caller's other groups
     "retention_days": 90 | null,
     "tags": [{"tag", "name", "terms": ["kittens", "#cats"]}],   # terms as /tag_add takes them
     "roles": [{"user_id": 42, "name": "@max", "role": "analyst" | "operator"}]}
GET  /app/api/groups/{chat_id}/audit?page=0          (newest first)
    {"timezone", "page", "pages", "entries": [{"at", "actor", "anonymous_admin", "action",
                                               "subject", "detail"}]}
POST /app/api/groups/{chat_id}/settings/language {"language": "zh-Hant"}  (or 繁體, English)
POST /app/api/groups/{chat_id}/settings/timezone {"timezone": "Asia/Shanghai"} (or UTC+8,
     上海: what /timezone reads) -> the settings as GET answers them; each change audited
Changing them (bot/dashboard/settings_actions.py), each through its command's service and
audited there; each answers the settings as GET does. What chat asks first is the same
confirmed action answered Yes (the screen asks in Telegram's popup).
POST .../settings/digest {"time": "21:30", "days": [0, 2, 4], "subscribed": true}
     (any of them; time and days as /digest_time and the panel: operator; subscribed: the
     caller's own digest, as /digest_subscribe: analyst)
POST .../settings/digest {"chat": -1001234567890 | null}  (operator, as /digest_chat <id> |
     off: the caller must administer that chat now); 400 "digest-chat-refused" otherwise
POST .../settings/retention {"retention": "90d" | "90天" | "off", "confirmed": true}
     (operator, live); 409 "confirm-retention" (the question, with the count it erases)
     until "confirmed" is true
POST .../settings/tags {"action": "add", "tag": "kittens", "terms": "kittens, 小猫"}
     -> the settings and "retag": {"run": 7, "tag": "kittens"}, the offer to apply it to
     the stored comments (as under /tag_new's answer)       (operator)
POST .../settings/tags {"action": "remove", "tag": "kittens"}   (operator, live; as
     /tag_delete then Yes); 400 "tags-error" with /tag_new's or /tag_delete's reason
POST .../settings/tags/rename {"tag": "kittens", "name": "pets"}  (operator, live; bot/
     dashboard/tag_edits.py: as /tag_rename then Yes, tagged comments follow)
POST .../settings/tags/words {"tag": "pets", "terms": "小猫, puppy, #pets"}   (operator)
     the whole list of its words: what /tag_remove and /tag_add would change, audited as
     theirs, both checked before either is stored; -> the settings and "retag" (as after
     "add") when words were added, else "retag": null. 400 "tags-error" with the chat's reason
POST .../settings/retag/{run}   start applying it    GET .../settings/retag/{run}  its state
     -> {"run", "outcome": "started" | "running" | null, "status": "offered" | "running" |
         "done" | "failed", "tag", "total", "scanned", "tagged"}     (operator)
POST .../settings/roles {"action": "grant", "who": "@max" | "123456789",
                         "role": "analyst" | "operator"}      (administrator, live)
POST .../settings/roles {"action": "revoke", "user_id": 42}  (administrator, live)
     the person's menu button follows at once, as after /grant and /revoke
"""

from __future__ import annotations

from aiohttp import web

from bot.dashboard.frame import (
    ApiError,
    DashboardServices,
    authorize,
    json_response,
    login_of,
    plain,
    services_of,
    texts_of,
)
from bot.dashboard.routes import READ, group_id
from bot.domain.export import message_link
from bot.services.ask_notices import AskNotices, LoopStats
from bot.services.digest import day_window
from bot.services.overview import PERIODS, Overview, Topic
from bot.services.tags import shown_tag

TEXTS_PREFIX = "dash-"
START_GROUP_PREFIX = "g"


def add_routes(router: web.UrlDispatcher) -> None:
    router.add_get("/api/me", me)
    router.add_get("/api/texts", texts)
    router.add_get("/api/groups/{chat_id}/overview", overview)


async def me(request: web.Request) -> web.Response:
    services = services_of(request)
    login = login_of(request)
    operated = await services.console.groups(login.user_id)
    ids = {choice.chat_id for choice in operated.groups}
    start = _start_group(login.start_param)
    return json_response(
        {
            "user": {
                "id": login.user_id,
                "first_name": login.first_name,
                "username": login.username,
            },
            "language": texts_of(request).locale,
            "groups": [
                {"id": choice.chat_id, "title": choice.title, "role": choice.role.key}
                for choice in sorted(operated.groups, key=lambda c: (c.title.casefold(), c.chat_id))
            ],
            "current": operated.current if operated.current in ids else None,
            "start_group": start if start in ids else None,
        }
    )


def _start_group(start_param: str | None) -> int | None:
    if not start_param or not start_param.startswith(START_GROUP_PREFIX):
        return None
    digits = start_param.removeprefix(START_GROUP_PREFIX)
    try:
        return int(digits)
    except ValueError:
        return None


async def texts(request: web.Request) -> web.Response:
    reader = texts_of(request)
    keys = reader.translator.keys(reader.locale, TEXTS_PREFIX)
    return json_response(
        {"language": reader.locale, "texts": {key: plain(reader(key)) for key in keys}}
    )


async def overview(request: web.Request) -> web.Response:
    chat_id = group_id(request)
    days = _days(request)
    authorized = await authorize(request, chat_id, READ)
    services = services_of(request)
    result = await services.overviews.of(chat_id, days, services.now())
    reader = texts_of(request)

    def topic(line: Topic) -> dict[str, object]:
        return {
            "tag": line.tag,
            "name": shown_tag(reader, line.tag),
            "count": line.count,
            "previous": line.previous,
            "rising": line.rising,
        }

    return json_response(
        {
            "group": {
                "id": chat_id,
                "title": result.title,
                "timezone": result.timezone,
                "role": authorized.role.key,
            },
            "days": result.days,
            "first_day": result.first_day.isoformat(),
            "last_day": result.last_day.isoformat(),
            "messages": result.messages,
            "active_fans": result.active_fans,
            "new_fans": result.new_fans,
            "joins": result.joins,
            "leaves": result.leaves,
            "sentiment": dict(result.sentiment),
            "feedback": [topic(line) for line in result.topics],
            "rising": [
                {
                    **topic(line),
                    "quotes": [
                        {
                            "message_id": quote.message_id,
                            "text": quote.text,
                            "at": quote.at.isoformat(),
                            "link": message_link(chat_id, quote.message_id),
                        }
                        for quote in line.quotes
                    ],
                }
                for line in result.rising
            ],
            "heatmap": [list(row) for row in result.heatmap],
            "daily": _daily(result),
            "loops": await _loops(services, chat_id, result),
        }
    )


async def _loops(services: DashboardServices, chat_id: int, result: Overview) -> dict[str, object]:
    notices = services.feature("ask_notices", AskNotices)
    start = day_window(result.first_day, result.timezone)[0]
    end = day_window(result.last_day, result.timezone)[1]
    report = await notices.loops(chat_id, start, end, result.timezone)

    def stats(line: LoopStats) -> dict[str, object]:
        wait = line.median_wait
        return {
            "closed": line.closed,
            "median_wait_seconds": None if wait is None else round(wait.total_seconds()),
        }

    return {**stats(report.total), "weeks": [{"week": w, **stats(s)} for w, s in report.weeks]}


def _days(request: web.Request) -> int:
    raw = request.query.get("days", "7")
    if not raw.isdigit() or int(raw) not in PERIODS:
        raise ApiError(400, "dashboard-bad-days", allowed=", ".join(map(str, PERIODS)))
    return int(raw)


def _daily(result: Overview) -> list[dict[str, object]]:
    return [
        {
            "day": day.day.isoformat(),
            "messages": day.messages,
            "active_fans": day.active_fans,
            "new_fans": day.new_fans,
            "joins": day.joins,
            "leaves": day.leaves,
        }
        for day in result.daily
    ]
