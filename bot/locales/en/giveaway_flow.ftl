## The guided /giveaway in private chat: prize, winners, end, rules, then the preview.

giveaway-flow-in-group = To set up a giveaway step by step, open a private chat with me and send /giveaway. Power users: <code>/giveaway 3 2h Signed poster | member</code> here.
giveaway-flow-ask-prize = 🎁 New giveaway in <b>{ $title }</b>.
    <b>Step 1 of 4: the prize.</b> Type what the winners get (at most { $max } characters).
giveaway-flow-ask-winners = <b>Step 2 of 4: how many winners?</b> Tap a number or type one from 1 to { $max }.
giveaway-flow-ask-end = <b>Step 3 of 4: when do entries close?</b> Tap a choice, or type a duration (<code>2h</code>, <code>1d 12h</code>) or a date and time (<code>2026-12-01 20:00</code>, <code>tomorrow 20:00</code>) in { $timezone } time.
giveaway-flow-ask-rules = <b>Step 4 of 4: who may enter?</b> Tap a rule to turn it on or off, then tap Preview.
giveaway-flow-ask-joined = Fans must have joined the group before which date? Type it (<code>2026-11-01</code>, <code>11/01</code>, <code>11月1日</code>), or tap “Before the giveaway starts”.
giveaway-flow-ask-comments = How many messages in how many days? Type both numbers: <code>5/7</code> means at least 5 messages in the group in the last 7 days.
giveaway-flow-ask-channel = Which channel must fans be subscribed to? Type its @username or t.me link. I must be an administrator of that channel to check.
giveaway-flow-keep = Keep it ▶️
giveaway-flow-which-group = Which group is this giveaway for?
giveaway-flow-use-buttons = At this step, tap the rules to turn them on or off, then tap Preview.
giveaway-flow-so-far = So far:
giveaway-flow-prize = Prize: { $prize }

giveaway-flow-end-hour = In 1 hour
giveaway-flow-end-day = In 1 day
giveaway-flow-end-tonight = Tonight 20:00
giveaway-flow-end-tomorrow = Tomorrow 20:00
giveaway-flow-joined-start = Before the giveaway starts

giveaway-flow-toggle = { $on ->
        [yes] ✅
       *[other] ▫️
    } { $label }
giveaway-flow-rule-member = Still a member at the draw
giveaway-flow-rule-joined = Joined before…
giveaway-flow-rule-joined-start = Joined before the start
giveaway-flow-rule-joined-day = Joined before { $day }
giveaway-flow-rule-comments = N messages in D days…
giveaway-flow-rule-comments-set = { $count } messages in { $days } days
giveaway-flow-rule-channel = Channel subscription…
giveaway-flow-rule-channel-set = Subscribed to { $channel }
giveaway-flow-rule-staff = Staff cannot enter
giveaway-flow-preview-button = Preview ▶️

giveaway-flow-error = { $code ->
        [prize-empty] The prize is empty. Type what the winners get, for example <code>Signed poster</code>.
        [prize-long] The prize is too long: at most { $detail } characters. Shorten it and send it again.
        [prize-bar] The prize cannot contain “|”. Use another separator, such as “/” or “·”.
        [winners-not-number] “{ $detail }” is not a number. Type the number of winners with digits, for example <code>3</code>.
        [winners-range] The number of winners must be between 1 and { $max }; you typed { $detail }.
        [end-past] That end is in the past. Type a later date and time, or a duration such as <code>2h</code>.
        [end-too-soon] That end is too soon: give the fans at least 10 seconds.
        [end-too-far] That end is too far away: at most 90 days.
        [joined-day] I cannot read that date. Type it as <code>2026-11-01</code>, <code>11/01</code> or <code>11月1日</code>.
        [joined-future] That date is in the future. Fans who join until the giveaway starts are covered by “Before the giveaway starts”; or type a past date.
        [comments-not-number] Type two numbers, messages then days: <code>5/7</code> means at least 5 messages in the last 7 days.
        [comments-no-days] { $detail } messages in how many days? Type both numbers, for example <code>{ $detail }/7</code>.
        [comments-count] The number of messages must be at least 1.
        [comments-days] The number of days must be between 1 and { $detail }.
        [channel] That is not a channel username. Type it as <code>@channel</code> or <code>t.me/channel</code>.
        [channel-unknown] I cannot find the channel { $detail }. Check its @username and type it again.
        [channel-no-bot] I am not an administrator of { $detail }, so I cannot check who is subscribed. Add me to the channel as an administrator, then type it again.
       *[end] I cannot read that end. Tap a choice, or type a duration (<code>2h</code>, <code>1d 12h</code>) or a date and time (<code>2026-12-01 20:00</code>, <code>tomorrow 20:00</code>).
    }

giveaway-rule-joined-day = • joined the group before { $day }
giveaway-reason-joined-day = joined the group on or after { $day }
