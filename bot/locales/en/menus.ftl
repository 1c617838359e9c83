## Command menus (setMyCommands): one description per command, plain text, at most 256 characters.

menu-start = Start and see what fanpulse does
menu-help = How to use fanpulse here
menu-groups = The groups you run: choose one to work on
menu-status = Health of the group: rights, privacy, activity
menu-audit = What operators changed in the group
menu-grant = Give someone the operator or analyst role
menu-revoke = Take someone's fanpulse role back
menu-language = Choose the language (en, zh or zh-TW)
menu-timezone = The group's time zone (Asia/Shanghai, 北京, UTC+8)
menu-door = The door: welcome, rules, the newcomers' check
menu-door_question = The question newcomers answer at the door
menu-welcome_set = Write the group's own welcome
menu-rules_set = Write the group's rules
menu-rules = The group's rules
menu-warn = Warn a member (reply, or @name); enough warnings mute them
menu-mute = Mute a member: /mute 1h (reply, or @name)
menu-ban = Ban a member (reply, or @name)
menu-unban = Lift a member's ban (@name)
menu-report = Report a message to the operators (reply to it)
