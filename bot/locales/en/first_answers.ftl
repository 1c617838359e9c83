## First answers that fit who is asking: fans and people with a role, in a group and in private.

start-fan =
    Hi! I am <b>fanpulse</b>. I pass your ideas on to the creator's team.
    /feedback your idea — send feedback (or reply /feedback to a message in the group)
    /mydata — see everything I store about you
    /forget — erase it
help-fan =
    <b>fanpulse for fans</b>
    /feedback your idea — send feedback to the creator's team; in the group, reply /feedback to a message to file it
    /mydata — everything I store about you, as a file · /forget — erase it
    /language en, /language zh (简体) or /language zh-TW (繁體) — your language
    Running a fan group? Add me to it, then choose it here with /groups.
help-group-fan = Send your idea with /feedback your idea, or reply /feedback to a message.
help-group-operator = Open me in private chat to run this group.
open-in-private-button = Open fanpulse

join-introduction =
    Hi, I am <b>fanpulse</b>. I file this group's messages as feedback for its organisers: they read them grouped by topic, with polls and digests.
    Your data is yours: /mydata shows everything I store about you, /forget erases it. /feedback your idea sends one straight to the team.

privacy-sent-privately = Sent to you in private.
privacy-start-me-first = I cannot write to you in private until you start me: tap the button, press Start, and I will send it.
mydata-from-group = You asked in { $title } for what fanpulse stores about you: here it is.

private-unknown-command = I don't know { $command }. /help lists what I can do.
private-plain-text = To send feedback, write /feedback and your idea. /help lists what I can do.

feedback-report-not-a-fan = Only a fan's message can be filed as feedback, not a bot's, a channel's or the group's.
feedback-report-forgotten = That message's author asked fanpulse to forget them: it is not filed.
