## The dashboard's actions (bot/dashboard/*_creation.py, settings and upload routes): what the
## API says when a form is refused. The screens' own words are the ui- messages below.

dashboard-bad-digest-time = Write the digest's time as hours and minutes, such as 09:00 or 21:30.
dashboard-bad-person = Name the person by their @username or their numeric Telegram id, such as @max or 123456789.
dashboard-no-file = Choose the file to import: a .csv or .xlsx with the template's columns.
dashboard-poll-quiz-correct = A quiz needs its correct answer: choose one of the options.

ui-poll-new = New poll
ui-poll-new-button = Make a poll
ui-poll-form-question = Question
ui-poll-form-options = Options (2 to { $limit })
ui-poll-form-option = Option { $number }
ui-poll-form-add-option = Add an option
ui-poll-form-remove-option = Remove this option
ui-poll-form-ideas = Pick from topic ideas
ui-poll-form-no-ideas = Fans have not written about any topic in the last 7 days.
ui-poll-form-anonymous = Anonymous
ui-poll-form-multiple = Several answers
ui-poll-form-quiz = Quiz
ui-poll-form-correct = Correct answer
ui-poll-form-start = Opens
ui-poll-form-close = Closes
ui-poll-form-time-hint = 2h, 1d, 20:00 or 2026-12-24 18:00
ui-poll-form-now = Now
ui-poll-form-by-hand = By hand
ui-poll-form-in-hour = In 1 hour
ui-poll-form-in-day = In 1 day
ui-poll-form-tonight = 20:00
ui-poll-form-preview = Preview
ui-poll-preview-title = Preview: fans will see this
ui-poll-preview-correct = correct
ui-poll-preview-kind-single = One answer
ui-poll-preview-kind-multiple = Several answers
ui-poll-preview-kind-quiz = Quiz
ui-poll-preview-anonymous = anonymous
ui-poll-preview-public = votes shown with names
ui-poll-preview-opens-now = opens as soon as it is sent
ui-poll-preview-opens = opens { $when }
ui-poll-preview-closes-by-hand = closes when you close it
ui-poll-preview-closes = closes { $when }
ui-poll-send = Send to the group
ui-poll-edit = Edit
ui-poll-sent-sent = The poll is posted in the group.
ui-poll-sent-scheduled = The poll is scheduled: it is posted when it opens.
ui-poll-sent-failed = Telegram refused the poll, so it was cancelled. Check the bot's rights in the group.

ui-giveaway-new = New giveaway
ui-giveaway-new-button = Make a giveaway
ui-giveaway-form-prize = Prize
ui-giveaway-form-winners = Winners
ui-giveaway-form-end = Entries close
ui-giveaway-form-end-hint = 2h, 3d, 20:00 or 2026-12-24 18:00
ui-giveaway-form-end-hour = In 1 hour
ui-giveaway-form-end-day = In 1 day
ui-giveaway-form-end-evening = 20:00
ui-giveaway-form-rules = Who may win
ui-giveaway-form-member = Still in the group at the draw
ui-giveaway-form-joined = Joined before a date
ui-giveaway-form-joined-day = Joined before (empty: before the giveaway starts)
ui-giveaway-form-comments = At least N comments in D days, such as 5/7 (empty: no such rule)
ui-giveaway-form-channel = Subscribed to a channel, such as @channel (empty: no such rule)
ui-giveaway-form-staff = Staff cannot win
ui-giveaway-form-preview = Preview
ui-giveaway-preview-title = Preview: fans will see this
ui-giveaway-preview-ends = Entries close { $when }
ui-giveaway-send = Post in the group
ui-giveaway-edit = Edit
ui-giveaway-posted = Giveaway #{ $number } is posted in the group.

ui-settings-digest-time = Digest time
ui-settings-digest-subscribed = Send me this group's digest privately
ui-settings-digest-on = You will receive the digest.
ui-settings-digest-off-now = You will no longer receive the digest.
ui-settings-retention-hint = 90d, or empty: until deleted
ui-settings-tag-name = New tag
ui-settings-tag-terms = Words it matches, comma-separated
ui-settings-tag-add = Add the tag
ui-settings-tag-added = The tag #{ $tag } is added: new messages are tagged with it.
ui-settings-tag-removed = The tag #{ $tag } is removed.
ui-settings-tag-remove-confirm = Remove the tag #{ $tag }? Comments tagged with it lose it.
ui-settings-retag-apply = Tag the stored messages with #{ $tag } too
ui-settings-retag-running = Tagging the stored messages: { $scanned } of { $total } read…
ui-settings-retag-done = { $tagged ->
        [one] Done: 1 stored message is now tagged #{ $tag }.
       *[other] Done: { $tagged } stored messages are now tagged #{ $tag }.
    }
ui-settings-retag-failed = Tagging the stored messages stopped. Try again later.
ui-settings-grant-who = @username or Telegram id
ui-settings-grant-role = Role
ui-settings-grant = Grant
ui-settings-granted = The role is granted.
ui-settings-revoke = Revoke
ui-settings-revoke-confirm = Take { $name }'s role in this group away?
ui-settings-revoked = { $name } no longer has a role here.

ui-videos-import = Import platform numbers
ui-videos-import-hint = A .csv or .xlsx file with the template's columns: cumulative totals per video, platform and day.
ui-videos-import-file = Choose a file
ui-videos-import-choose = Choose the file first.
ui-videos-import-send = Import
ui-videos-template = Download the template
ui-videos-imported = Imported: { $taken } new, { $updated } updated.
ui-videos-import-confirm = Store the lower totals too
ui-videos-import-confirm-question = Some totals are lower than the ones stored. Store them anyway?
ui-videos-refused-rows = Download the refused rows
ui-videos-import-none = No file chosen yet.
