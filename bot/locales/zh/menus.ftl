## 命令菜单（setMyCommands）：每个命令一条纯文本说明，最多 256 个字符。

menu-start = 开始使用，了解 fanpulse 能做什么
menu-help = 如何在这里使用 fanpulse
menu-groups = 你运营的群：选择要管理的群
menu-status = 群的健康状况：权限、隐私模式、活跃度
menu-audit = 运营在群里做过的更改
menu-grant = 授予某人运营或分析师角色
menu-revoke = 收回某人的 fanpulse 角色
menu-language = 选择语言（en、zh 或 zh-TW）
menu-timezone = 本群的时区（北京、Asia/Shanghai、UTC+8）
menu-door = 入群门槛：欢迎语、群规、新成员验证
menu-door_question = 新成员入群时要回答的问题
menu-welcome_set = 写本群自己的欢迎语
menu-rules_set = 写本群的群规
menu-rules = 本群的群规
menu-warn = 警告成员（回复或 @用户名），警告够次数自动禁言
menu-mute = 禁言成员：/mute 1小时（回复或 @用户名）
menu-ban = 封禁成员（回复或 @用户名）
menu-unban = 解除封禁（@用户名）
menu-report = 向运营人员举报一条消息（回复它）
