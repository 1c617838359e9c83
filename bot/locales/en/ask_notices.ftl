# "You asked, we made it": telling fans that what they asked for was answered (/notices).

menu-notices = Be told when what you asked for is made: /notices on or off
ask-notice-private-video = 🎬 You asked in { $group }, we made it: <b>{ $title }</b> ({ $code })
ask-notice-private-done = ✅ What you asked for in { $group } is done.
ask-notice-link = { $url }
ask-notice-you-asked = You asked: “{ $ask }”
ask-notice-turn-off = <i>/notices off stops these messages.</i>
ask-notice-group-title = 🎬 <b>You asked, we made it</b>
ask-notice-group-video = <b>{ $title }</b> ({ $code }), asked for by { $people }
ask-notice-group-done = ✅ Done, as asked by { $people }
ask-notice-separator = {", "}
ask-notices-not-a-person = Only a person can choose their notices: write as yourself, not as a channel or the group.
ask-notices-now = Notices when what you asked for is made: <b>{ $enabled ->
        [true] on
       *[false] off
    }</b>. Change it with /notices on or /notices off.
ask-notices-set = Notices when what you asked for is made are now <b>{ $enabled ->
        [true] on
       *[false] off
    }</b>, in every group.
ask-notices-bad-choice = “{ $value }” is neither on nor off. Send /notices on or /notices off.
ask-notice-digest = Loops closed: <b>{ $count }</b> asks answered; median time from ask to answer: { $wait }
ask-notice-wait-minutes = { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
    }
ask-notice-wait-hours = { $count ->
        [one] { $count } hour
       *[other] { $count } hours
    }
ask-notice-wait-days = { $count ->
        [one] { $count } day
       *[other] { $count } days
    }
digest-section-name-loops = Loops closed
video-link-poll-open = That poll has no winner yet: close it first (/poll_close), then reply to it with /link v12.
video-link-poll-done = Linked the poll’s winner ({ $winners }) to { $code }: { $fans ->
        [0] no voter to tell (an anonymous poll reports none).
        [one] its { $fans } voter will be told.
       *[other] its { $fans } voters will be told.
    }
