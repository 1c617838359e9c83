# Recognition: Telegram member tags computed from what fanpulse records (/member_tags).
# The tags themselves: 16 characters at most, no emoji (Telegram's limit).

menu-member_tags = Member tags for fans: /member_tags on, off, or which ones exist
member-tag-winner = giveaway winner
member-tag-top = top feedback
member-tag-since = since { $year }
member-tags-kind = { $kind ->
        [winner] giveaway winner
        [top] top feedback
       *[since] since (first seen)
    }
member-tags-separator = {", "}
member-tags-now = Member tags in { $title }: <b>{ $enabled ->
        [true] on
       *[false] off
    }</b>. Tags that exist: { $kinds }. Refreshed once a day: giveaway winners and the 10 fans with the most feedback over the last 30 days, else the year a fan was first seen (before this year). Change it with /member_tags on, /member_tags off, or /member_tags winner top since (any of the three).
member-tags-bad-word = I don't know “{ $word }”. Write /member_tags on, /member_tags off, or the tags that should exist: winner, top, since (for example /member_tags winner since).
member-tags-right-missing = ⚠️ I can't set member tags here yet: make me an administrator with the right to manage tags (“Manage tags”), and the next daily refresh sets them.
member-tags-right-missing-report = ⚠️ Member tags in { $title } were not refreshed: I need the administrator right to manage tags (“Manage tags”). Give it to me and the next daily refresh sets them; I won't repeat this message.
