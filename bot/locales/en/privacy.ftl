## Fans' data: /mydata, /forget; operators: /forget_user, /retention.

menu-mydata = Everything fanpulse stores about you, as a file
menu-forget = Delete everything fanpulse stores about you
menu-forget_user = Forget a fan on their behalf: /forget_user @username or id
menu-retention = Keep comment text for N days: /retention 90d or off

privacy-not-a-person = Only a person can ask for their own data.
mydata-progress = Gathering your data… { $count ->
        [one] 1 comment
       *[other] { $count } comments
    } so far.
mydata-caption = Everything fanpulse stores about you: your profile, { $comments ->
        [one] one comment
       *[other] { $comments } comments
    } with their tags, and every other record that names you.
forget-ask = This deletes everything fanpulse stores about you in every group: your comments, their tags, votes, entries of giveaways not drawn yet, your settings. Entries of giveaways already drawn keep only their anonymous entrant number, so those draws stay verifiable. From then on fanpulse keeps only your Telegram id, to know not to store you again, and nothing else of yours: your poll votes still count but without your name, and you cannot enter giveaways. This cannot be undone.
forget-confirm-button = Delete my data
forget-cancel-button = Cancel
forget-not-yours = This button belongs to someone else.
forget-cancelled = Nothing was deleted.
forget-done = Done: your data is deleted ({ $comments ->
        [one] one comment
       *[other] { $comments } comments
    }) and fanpulse will not store you again.
forget-user-usage = Usage: /forget_user @username or a numeric id (or reply to the fan's message with /forget_user).
forget-user-unknown = { $who } has not written in { $title }: nothing to forget there.
forget-user-ask = Forget { $who } in { $title } on their behalf? Their comments in { $title }, with their tags, votes, reactions and entries of giveaways not drawn yet there, are deleted. Other groups keep what they hold: only the fan's own /forget reaches every group. This cannot be undone.
forget-user-done = Done: { $comments ->
        [one] one comment
       *[other] { $comments } comments
    } of this fan in { $title } deleted, with what was derived from them. Other groups are untouched.
forget-user-gone = There is nothing of this person left to forget.

retention-current = { $days ->
        [0] { $title } keeps comment text without a limit. Set one with /retention 90d.
       *[other] { $title } keeps comment text for { $days } days; older text is purged daily.
    }
retention-usage = Usage: /retention 90d (1 to 3650 days) or /retention off.
retention-set = { $days ->
        [0] { $title } now keeps comment text without a limit.
       *[other] { $title } now keeps comment text for { $days } days; older text is purged daily (counts and tags stay).
    }
