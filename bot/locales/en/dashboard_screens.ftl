## The dashboard's screens (bot/dashboard/static/): sent to the browser as patterns by
## /app/texts/<locale>.json and formatted there, as plain text. Keep to { $name } and one-level
## selections; no HTML.

ui-open-in-telegram = Open this dashboard from Telegram: the button in your private chat with the bot, or /dashboard.
ui-login-expired = This login has expired. Close the dashboard and open it again from Telegram.
ui-no-groups = You have no role in any group yet. A group's administrator can grant you one.
ui-screen-failed = This screen could not be loaded. Pull down or open it again.
ui-error-network = The server cannot be reached. Check your connection and try again.
ui-error-400 = That was not accepted: check what you entered.
ui-error-401 = This login has expired. Close the dashboard and open it again from Telegram.
ui-error-403 = You do not have the role for this in this group.
ui-error-404 = That no longer exists.
ui-error-409 = Someone changed this in the meantime. Reload the screen.
ui-error-429 = Too many requests. Wait a moment and try again.
ui-error-other = Something went wrong on the server. Try again in a moment.
ui-loading = Loading…
ui-group-picker = Group
ui-tab-overview = Overview
ui-tab-inbox = Inbox
ui-tab-polls = Polls
ui-tab-giveaways = Giveaways
ui-tab-videos = Videos
ui-tab-settings = Settings

ui-overview-period = Period
ui-overview-days = { $days } days
ui-overview-messages = Messages
ui-overview-active-fans = Active fans
ui-overview-new-fans = New fans
ui-overview-joins = Joined
ui-overview-leaves = Left
ui-overview-feedback = Feedback
ui-overview-daily = Messages per day
ui-overview-sentiment = Sentiment
ui-overview-sentiment-none = No feedback in this period.
ui-overview-tags = Feedback per tag
ui-overview-tags-none = No tagged feedback in this period.
ui-overview-hours = Busiest hours ({ $timezone })
ui-overview-hour = { $hour }:00 — { $count } messages
ui-overview-topics = Rising topics
ui-overview-topics-none = No topic is rising in this period.
ui-overview-topic-count = { $count ->
        [one] 1 mention
       *[other] { $count } mentions
    } (was { $previous })

ui-sentiment-positive = Positive
ui-sentiment-neutral = Neutral
ui-sentiment-negative = Negative
ui-status-new = New
ui-status-triaged = Triaged
ui-status-planned = Planned
ui-status-done = Done
ui-status-wontdo = Won’t do
ui-period-24h = Last 24 hours
ui-period-7d = Last 7 days
ui-period-30d = Last 30 days
ui-period-90d = Last 90 days

ui-inbox-search = Search the texts
ui-inbox-search-go = Search
ui-inbox-author = Fan: @username or id
ui-inbox-filter-tag = Tag
ui-inbox-filter-status = Status
ui-inbox-filter-sentiment = Sentiment
ui-inbox-filter-period = Period
ui-inbox-any-tag = Any tag
ui-inbox-any-status = Any status
ui-inbox-any-sentiment = Any sentiment
ui-inbox-any-period = Any time
ui-inbox-empty = Nothing matches these filters.
ui-inbox-total = { $more ->
        [true] More than { $count } items
       *[false] { $count ->
            [one] 1 item
           *[other] { $count } items
        }
    }
ui-inbox-select = Select this card
ui-inbox-edited = edited
ui-inbox-duplicate-of = duplicate of #{ $id }
ui-inbox-duplicate = Duplicate of…
ui-inbox-pick-original = Now tap the original card ({ $count } to mark).
ui-inbox-selected = { $count } selected
ui-inbox-tag = Tag
ui-inbox-untag = Untag
ui-inbox-set-status = Set status…
ui-inbox-clear = Clear
ui-inbox-done-tag = Tagged { $count }.
ui-inbox-done-untag = Untagged { $count }.
ui-inbox-done-status = Status set on { $count }.
ui-inbox-done-duplicate = Marked { $count } as duplicate.

ui-back = ← Back
ui-polls-open = Open polls
ui-polls-past = Past polls
ui-polls-none-open = No poll is open.
ui-polls-none-past = No past polls yet.
ui-polls-voters = { $count ->
        [one] 1 voter
       *[other] { $count } voters
    }
ui-polls-closes = closes { $when }
ui-polls-close = Close now
ui-polls-close-confirm = Close this poll now and post its results?
ui-polls-closed = The poll is closed.
ui-polls-cancel = Cancel
ui-polls-cancel-confirm = Cancel this poll? It will not be posted.
ui-polls-cancelled = The poll is cancelled.
ui-polls-export = Export
ui-polls-exported = The export is downloaded.
ui-poll-state-open = open
ui-poll-state-scheduled = scheduled
ui-poll-state-deleted = deleted
ui-poll-state-closed = closed
ui-poll-state-cancelled = cancelled

ui-giveaways-none = No giveaways yet.
ui-giveaway-entrants = { $count ->
        [one] 1 entrant
       *[other] { $count } entrants
    }
ui-giveaway-state-open = open
ui-giveaway-state-drawn = drawn
ui-giveaway-state-cancelled = cancelled
ui-giveaway-end = End and draw now
ui-giveaway-end-confirm = End this giveaway now and draw the winners?
ui-giveaway-ended = Entries are closed: the winners are drawn in a moment.
ui-giveaway-cancel = Cancel
ui-giveaway-cancel-confirm = Cancel this giveaway? Nobody will win.
ui-giveaway-cancelled = The giveaway is cancelled.
ui-giveaway-reroll = Reroll
ui-giveaway-reroll-confirm = Draw a new winner? The reason goes into the public transcript.
ui-giveaway-rerolled = A new winner is drawn.
ui-giveaway-entrant-list = Entrants
ui-giveaway-eligible = eligible
ui-giveaway-ineligible = not eligible
ui-giveaway-no-entrants = Nobody has entered yet.
ui-giveaway-transcript = Transcript
ui-giveaway-show-transcript = Show the transcript

ui-videos-none = No videos registered yet. Register one with /video_add.
ui-video-comments = { $count ->
        [one] 1 comment
       *[other] { $count } comments
    }

ui-settings-language = Language
ui-settings-saved = Saved.
ui-settings-tags = Tags
ui-settings-roles = Roles
ui-settings-no-roles = Nobody has been granted a role yet.
ui-settings-audit = Audit log
ui-settings-no-audit = Nothing has been done here yet.
ui-language-en = English
ui-language-zh = 简体中文
ui-language-zh-Hant = 繁體中文
ui-role-analyst = analyst
ui-role-operator = operator
ui-role-administrator = administrator

ui-giveaway-state-drawing = drawing
ui-giveaway-state-done = done
ui-giveaway-winner-count = { $count ->
        [one] 1 winner
       *[other] { $count } winners
    }
ui-giveaway-ends = ends { $when }
ui-giveaway-cancel-reason = Cancelled because:
ui-giveaway-more-entrants = Show more entrants
ui-giveaway-commitment = Commitment published before the draw:
ui-giveaway-standing-won = place { $place }
ui-giveaway-standing-replaced = replaced by a reroll
ui-giveaway-standing-skipped = skipped by the draw
ui-giveaway-standing-not-drawn = not drawn
ui-giveaway-standing-not-entered = not counted
ui-giveaway-reason = Reason (shown in the transcript)
ui-giveaway-needs-reason = Write the reason first: it goes into the public transcript.
ui-giveaway-place = Place to draw again
ui-video-as-of = numbers of { $day }
ui-video-no-numbers = No platform numbers imported yet: send the platform's export file to the bot.
ui-video-feedback = What fans said
ui-video-plays = Plays
ui-video-likes = Likes
ui-video-comments-count = Comments
ui-video-favourites = Favourites
ui-video-shares = Shares
ui-settings-timezone = Time zone (for example Asia/Shanghai or UTC+8)
ui-settings-save = Save
ui-settings-digest = Daily digest
ui-settings-digest-at = at { $time } on { $days }
ui-settings-digest-off = off
ui-settings-retention = Messages are kept
ui-settings-retention-days = for { $days } days
ui-settings-retention-forever = until deleted
