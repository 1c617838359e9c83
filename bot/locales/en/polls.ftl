## Polls: /poll and its flags, /polls, closing, cancelling, export, topic polls, results.

menu-poll = Create a poll (/poll alone shows how)
menu-polls = Open and recent polls
menu-poll_close = Close a poll now: /poll_close 12
menu-poll_cancel = Cancel a scheduled poll: /poll_cancel 12
menu-poll_export = Poll results as CSV: /poll_export 12
menu-poll_topics = A poll from the fans' most requested topics

poll-help =
    <b>Polls</b>
    <code>/poll Question? | option 1 | option 2 | …</code> (2–12 options; or one option per line)
    Flags, all optional:
    <code>--close 2h</code> or <code>--close 2026-12-01 20:00</code> — close after a duration (30m, 2h, 3d) or at a local time; at most 30 days
    <code>--start 30m</code> or <code>--start tomorrow 09:00</code> — send it later; a --close duration counts from then
    <code>--anonymous no</code> — show who voted (default: anonymous)
    <code>--multi</code> — several answers per voter
    <code>--quiz 2</code> or <code>--quiz 1,3</code> — a quiz; the correct option number(s)
    <code>--explain text</code> — what a quiz shows after a wrong answer (up to 200 characters)
    <code>--tz Europe/Berlin</code> — read the times in this timezone instead of the group's
    Example: <code>/poll Next video? | Cat vlog | Street food | Q&amp;A --close 1d --multi</code>
    Then: /polls to list, /poll_close 12, /poll_cancel 12, /poll_export 12, /poll_delete 12; /poll_topics builds one from the fans' topic ideas.

poll-error-hint = Type /poll alone to see the syntax.
poll-error-usage = Write the question and the options: <code>/poll Question? | option 1 | option 2</code>
poll-error-no-question = The poll has no question: start with it, before the first |.
poll-error-too-few-options = A poll needs at least { $limit } options; this one has { $count }.
poll-error-too-many-options = A poll can have at most { $limit } options; this one has { $count }.
poll-error-question-too-long = The question is { $length } characters long; Telegram allows { $limit }.
poll-error-option-too-long = Option { $number } is { $length } characters long; Telegram allows { $limit }.
poll-error-option-empty = Option { $number } is empty.
poll-error-option-duplicate = Option { $number } repeats an earlier option.
poll-error-unknown-flag = There is no --{ $flag } flag.
poll-error-unknown-flag-near = There is no --{ $flag } flag: did you mean --{ $suggestion }?
poll-error-repeated-flag = --{ $flag } is given twice.
poll-error-bad-yes-no = --{ $flag } takes yes or no.
poll-error-quiz-options = --quiz takes the number(s) of the correct option(s), from 1 to { $count }.
poll-error-quiz-needs-multi = A quiz with several correct options needs --multi.
poll-error-explanation-too-long = The explanation is { $length } characters long; Telegram allows { $limit }.
poll-error-explanation-without-quiz = --explain only works with --quiz.
poll-error-time-unparsable = I cannot read “{ $value }” as a duration (30m, 2h, 3d) or a date and time (2026-12-01 20:00).
poll-error-time-in-the-past = “{ $value }” is in the past.
poll-error-close-too-soon = A poll must stay open for at least { $seconds } seconds.
poll-error-close-too-far = Telegram keeps a poll open for at most { $days } days.
poll-error-start-too-far = A poll can be scheduled at most { $days } days ahead.
poll-error-unknown-timezone = Unknown timezone “{ $timezone }” (use a name like Asia/Shanghai or Europe/Berlin).

poll-scheduled = 🗓 Poll #{ $number } will be sent to { $title } at { $when }. Cancel it with /poll_cancel { $number }.
poll-sent = 📊 Poll #{ $number } is in { $title }.
poll-closes = ⏳ Poll #{ $number } closes at { $when }.
poll-send-failed = Telegram did not take the poll in { $title }: check that I can send messages there.

poll-list-none = No polls in { $title } yet. Create one with /poll.
poll-list-title = <b>Polls in { $title }</b>
poll-list-line = #{ $number } · { $status ->
        [scheduled] 🗓 scheduled
        [open] 📊 open
        [closed] ✅ closed
       *[cancelled] ✖️ cancelled
    } · { $question } · { $voters } voters · { $anonymous ->
        [yes] anonymous
       *[no] public
    } · { $when }
poll-list-hint = /poll_close n · /poll_cancel n · /poll_export n · /poll_delete n
poll-list-separator = {", "}

poll-close-usage = Usage: /poll_close 12 (the number from /polls).
poll-cancel-usage = Usage: /poll_cancel 12 (the number from /polls).
poll-export-usage = Usage: /poll_export 12 (the number from /polls).
poll-not-open = Poll #{ $number } is not open here.
poll-not-scheduled = Poll #{ $number } is not a scheduled poll here (a poll already sent is closed with /poll_close).
poll-not-found = Poll #{ $number } was never sent here.
poll-closed-now = Poll #{ $number } is closed; its results are posted in { $title }.
poll-cancelled = Scheduled poll #{ $number } is cancelled.
poll-export-anonymous = Poll #{ $number }: totals per option. The poll is anonymous: Telegram tells no one who voted, so there are no per-voter rows.
poll-export-voters = Poll #{ $number }: totals per option, then one row per voter ({ $voters }), retracted votes included.

poll-results-title = 📊 <b>Poll closed: { $question }</b>
poll-results-option = { $number }. { $label }{ $mark }
    <code>{ $bar }</code> { $votes } · { $percent }%
poll-mark-winner = {" "}🏆
poll-mark-correct = {" "}✅
poll-results-voters = 👥 { $voters } voters
poll-results-no-votes = Nobody voted.
poll-results-winner = { $count ->
        [1] Winner: <b>{ $labels }</b>
       *[other] Tied: <b>{ $labels }</b>
    }
poll-chart-subtitle = { $voters } voters
poll-chart-caption = Results: { $question }

poll-csv-option = option
poll-csv-label = label
poll-csv-votes = votes
poll-csv-share = share of voters
poll-csv-voters = voters
poll-csv-user-id = user id
poll-csv-name = name
poll-csv-username = username
poll-csv-choice = choice
poll-csv-answered-at = answered at
poll-csv-retracted = retracted

poll-digest-opened = 📊 Polls opened: { $count }
poll-digest-closed = ✅ { $question }: { $voters } voters · { $winners }
poll-digest-no-winner = no votes

poll-topics-usage = Usage: /poll_topics [period, e.g. 7d, yesterday or 11/30] to see the fans' topic ideas, then /poll_topics 7d 1,3,4 [--close 1d …] to send a poll of the ones you pick.
poll-topics-none = No topic ideas in { $title } for { $period }.
poll-topics-bad-period = “{ $value }” is not a period I can read: write it like 7d, 2w (at most 90 days), yesterday, last week or 11/30.
poll-topics-question = Which topic next?
poll-topics-title = <b>Topic ideas, { $period }</b> (most fans first)
poll-topics-line = { $number }. { $label } — { $fans ->
        [1] 1 fan
       *[other] { $fans } fans
    }, { $mentions ->
        [1] 1 mention
       *[other] { $mentions } mentions
    }
poll-topics-suggestion = Edit and send: <code>{ $command }</code>
poll-topics-pick-hint = Or pick by number: /poll_topics 7d 1,2,3 --close 1d
poll-topics-bad-pick = Pick numbers from 1 to { $count }.
