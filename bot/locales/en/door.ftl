## The door: welcome, rules, the human check at the door, join requests (handlers/door.py).

door-names = { $names }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
door-welcome =
    👋 Welcome to <b>{ $title }</b>, { $names }!
    { $rules ->
        [yes] Please read the rules first: /rules
       *[no] Be kind, and enjoy the group.
    }
    Ideas for the creator's team? Write <code>/feedback your idea</code>. What is stored about you: /mydata · erase it: /forget
door-welcome-footer = Feedback: <code>/feedback your idea</code> · what is stored about you: /mydata · erase it: /forget

rules-none = This group has no rules written down yet.
rules-show =
    📜 <b>Rules</b>
    { $rules }
rules-set-usage = Write the rules after the command (/rules_set Be kind. No spam.) or reply to a message that holds them with /rules_set. At most { $limit } characters.
rules-set-done = The rules of <b>{ $title }</b> are saved. Anyone can read them with /rules.
welcome-set-usage = Write the welcome after the command, or reply to a message with /welcome_set. Placeholders: {"{"}name{"}"} (the newcomers), {"{"}group{"}"} (this group), {"{"}rules{"}"} (the rules). At most { $limit } characters.
welcome-set-done = Newcomers to <b>{ $title }</b> will see your welcome from now on.

door-rules-accept =
    { $name } welcome to <b>{ $title }</b>! Before you write, please read and accept the rules:
    { $rules }
door-button-accept = ✅ I accept the rules
door-button-human = 🙋 I am human
door-button-answer = ✍️ Answer in private
door-button-ask = { $name }, press the button below within { $minutes } minutes to show you are a person{ $request ->
        [true] {" "}and your request to join <b>{ $title }</b> is approved.
       *[false] . Until then you can read <b>{ $title }</b> but not write.
    }
door-question-ask = { $name }, to { $request ->
        [true] join
       *[false] write in
    } <b>{ $title }</b> answer this question within { $minutes } minutes: <b>{ $question }</b>
    { $request ->
        [true] Just write your answer here.
       *[false] Reply to this message with your answer, or answer in private with the button.
    }
door-question-private = The question of <b>{ $title }</b>: <b>{ $question }</b>
    Write your answer here.
door-nothing-to-answer = Nothing is waiting for your answer: you may already be in.

door-not-yours = This button is for the newcomer it greets, not for you.
door-already-decided = This check is already over.
door-answer-instead = Answer the question: reply to it in the group, or use the Answer in private button.
door-passed = ✅ Thank you! You can write in { $title } now.
door-passed-rules-next = ✅ Thank you! One more step: accept the rules of { $title }.
door-failed = ❌ That is not the answer { $title } expects, { $request ->
        [true] so your request to join was declined. You can ask again.
       *[false] so you were removed from the group (not banned): you can join again and try once more.
    }
door-removed = { $why ->
        [time] ⌛ You did not finish the check of <b>{ $title }</b> in time,
       *[wrong] ❌ That was not the answer <b>{ $title }</b> expects,
    } { $request ->
        [true] so your request to join was declined. You can ask again.
       *[false] so you were removed from the group (not banned): you can join again and try once more.
    }

door-dry-would-check = 🧪 Door dry run in <b>{ $title }</b>: { $name } (id <code>{ $user_id }</code>) would be restricted until they { $kind ->
        [rules] accept the rules
       *[human] pass the check
    }. Nothing was done.
door-dry-would-release = 🧪 Door dry run in <b>{ $title }</b>: <code>{ $user_id }</code> passed and would be allowed to write. Nothing was done.
door-dry-would-remove = 🧪 Door dry run in <b>{ $title }</b>: <code>{ $user_id }</code> { $why ->
        [time] ran out of time
       *[wrong] answered wrong
    } and would be removed. Nothing was done.
door-dry-would-approve = 🧪 Door dry run in <b>{ $title }</b>: the join request of <code>{ $user_id }</code> would be approved. Nothing was done.
door-dry-would-decline = 🧪 Door dry run in <b>{ $title }</b>: the join request of <code>{ $user_id }</code> would be declined. Nothing was done.
door-spike = ⚠️ <b>{ $title }</b>: { $count } accounts joined within a minute while a giveaway is open. Accounts: { $accounts }

door-settings =
    🚪 <b>The door of { $title }</b>
    Welcome: { $welcome } (own text: { $custom }) · rules written: { $rules } · must accept them: { $rules_required }
    Check: { $check ->
        [button] a button
        [question] the question «{ $question }» ({ $answers } answers accepted)
       *[off] off
    } · time limit: { $minutes } min · a pass in another group counts: { $trust }
    Dry run (only report): { $dry_run } · during giveaways: { $giveaway } (spike at { $spike } joins a minute)
    Warnings before a mute: { $warns } · mute for { $mute } min
    Change: /door welcome off · /door check button · /door minutes 5 · /door dry_run on · /door_question Question? | answer | other answer
door-usage = Usage: /door &lt;setting&gt; &lt;value&gt;. Settings: { $names }. For example /door check button or /door dry_run on.
door-changed = Changed: { $setting }.
door-question-done = Saved the question «{ $question }» with { $count } accepted answers. Turn it on with /door check question.
door-bad-switch = «{ $typed }» is not on or off. Write on or off (开 / 关 work too).
door-question-missing = Write the question first: /door_question Question? | answer | other answer
door-bad-number = «{ $typed }» is not a number in range: minutes 1–1440, warns 1–20, spike 2–1000.
door-bad-check = «{ $typed }» is not a kind of check. Write off, button or question.
door-unknown-setting = The door has no setting «{ $typed }». Settings: { $names }.
door-question-usage = Usage: /door_question What is the name of the new single? | answer | other answer (bars of any width).
door-too-long = That is too long: a question of at most 2000 characters and at most 20 answers.
door-bad-duration = «{ $typed }» is not a duration from 30 seconds to 366 days. Write 1h, 30m, 2d, 1小时 or 30分钟.
door-panel-switch = { $on ->
        [on] ✅
       *[off] ▫️
    } { $setting ->
        [welcome] Welcome
        [rules_required] Must accept rules
        [trust] Trust other groups
        [dry_run] Dry run
       *[giveaway] Giveaway guard
    }
door-panel-check = 🙋 Check: { $mode ->
        [button] button
        [question] question
       *[off] off
    }
door-switch = { $on ->
        [on] on
       *[off] off
    }
