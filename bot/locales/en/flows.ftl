# Guided flows in private chat (handlers/flow_steps.py): what every flow has alike.
flow-button-back = ◀ Back
flow-button-cancel = ✖️ Cancel
flow-cancelled = Cancelled; nothing was kept. Start again with { $command }.
flow-expired = This flow was left alone for 30 minutes and expired; nothing was kept. Start again with { $command }.
flow-over = This flow is over. Start again with { $command }.
flow-step-gone = This step has moved on: answer the latest message below.

# The guided /poll (handlers/poll_flow.py).
flow-poll-open-private = To make a poll for { $title } step by step, open me in private chat and send /poll there (/poll help: the one-line form).
flow-poll-which-group = Which group is this poll for?
flow-poll-ask-question = <b>New poll for { $title }</b>
    Send the question (up to { $limit } characters).
flow-poll-keep = Keep this question ▶
flow-poll-summary-question = <b>{ $question }</b>
flow-poll-summary-option = { $number }. { $label }
flow-poll-ask-options = { $count ->
    [0] Send the first option. One option per message (or several separated by |), up to { $limit }.
    [1] Send the next option: a poll needs at least two.
   *[other] { $count } of { $limit } options. Send another one, or tap Done.
}
flow-poll-from-ideas = 💡 Pick from the group's topic ideas
flow-poll-remove-last = ↩ Remove the last option
flow-poll-done = Done ▶
flow-poll-ideas = Topic ideas fans mentioned most ({ $period }). Tap one to add it as an option, again to remove it.
flow-poll-no-ideas = No topic ideas in fans' comments of the last { $period }. Type the options instead.
flow-poll-toggles = How do fans answer? Tap to switch, then Next.
flow-poll-toggle-anonymous = { $on ->
    [yes] ✅ Anonymous
   *[no] ⬜ Anonymous
}
flow-poll-toggle-multi = { $on ->
    [yes] ✅ Several answers allowed
   *[no] ⬜ Several answers allowed
}
flow-poll-toggle-quiz = { $on ->
    [yes] ✅ Quiz (one correct answer)
   *[no] ⬜ Quiz (one correct answer)
}
flow-poll-next = Next ▶
flow-poll-ask-correct = Which option is the correct answer?
flow-poll-ask-start = When does it open? Tap a choice, or type a time (30m, 2h, 2026-12-31 20:00).
flow-poll-now = Now
flow-poll-in-hour = In 1 hour
flow-poll-in-day = In 1 day
flow-poll-tonight = Tonight 20:00
flow-poll-ask-close = When does it close? Tap a choice, or type a time (2h after it opens, or 2026-12-31 20:00).
flow-poll-by-hand = When I close it
flow-poll-use-buttons = Tap one of the buttons above to answer this step.
flow-poll-time-hint = Type a duration (30m, 2h, 1d) or a local time in the group's time zone ({ $example }, 2026-12-31 20:00).
flow-poll-error-empty-question = The question is empty: send it as text.
flow-poll-error-question-too-long = The question is { $length } characters long; Telegram allows { $limit }. Send a shorter one.
flow-poll-error-reserved = A | or a word starting with a dash would split the poll: remove it and send again.
flow-poll-error-option-too-long = That option is { $length } characters long; Telegram allows { $limit }. Send a shorter one.
flow-poll-error-duplicate = “{ $label }” is already an option: send a different one.
flow-poll-error-too-many = A poll can have at most { $limit } options. Tap Done, or remove one first.
flow-poll-error-too-few = A poll needs at least { $limit } options: send another one.
flow-poll-error-empty-option = That option is empty: send it as text.
flow-poll-error-close-before-start = It would close before it opens: choose a later close time, or a duration (it counts from the opening).
