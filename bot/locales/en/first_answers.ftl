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
