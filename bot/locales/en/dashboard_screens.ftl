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
    }

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
