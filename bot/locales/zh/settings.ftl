## /settings：群设置面板。

menu-settings = 用按钮管理群的所有设置
settings-panel =
    <b>{ $title } 的设置</b>
    语言：{ $language ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 简体中文
    } · 时区：{ $timezone }
    日报：{ $time }（{ $timezone }），{ $days } · 同时发到：{ $chat }
    评论文字：{ $retention ->
        [0] 不限期保留
       *[other] 保留 { $retention } 天
    }
    标签：{ $tags }
    角色：{ $roles }
    点按要修改的项目。
settings-role-holder = { $name }（{ $role ->
        [analyst] 分析员
       *[operator] 运营
    }）
settings-days-every = 每天
settings-days-weekdays = 周一至周五
weekday = { $day ->
        [0] 周一
        [1] 周二
        [2] 周三
        [3] 周四
        [4] 周五
        [5] 周六
       *[6] 周日
    }
settings-chat-none = 没有运营群
settings-button = { $screen ->
        [lang] 🌐 语言
        [tz] 🕒 时区
        [time] ⏰ 日报时间
        [days] 📅 日报日期
        [chat] 📨 日报发到哪里
        [ret] 🗑 保留期
        [tags] 🏷 标签
        [door] 🚪 入群门槛
       *[roles] 👥 角色
    }
settings-back = ◀ 返回
settings-language-name = { $locale ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 简体中文
    }
settings-lang = 本群的语言是{ $current ->
        [en] 英语
        [zh-Hant] 繁体中文
       *[zh] 简体中文
    }。选择 fanpulse 在群里使用的语言：
settings-tz = 本群使用 <b>{ $current }</b> 时区。点按一个时区，或输入 <code>/timezone</code> 加城市名（北京、东京）选择其他时区。
settings-time = 日报在 <b>{ $current }</b>（{ $timezone }）发送。点按一个时间，或输入 <code>/digest_time 19:30</code> 设为其他时间。
settings-day = { $on ->
        [yes] ✅ { weekday }
       *[no] { weekday }
    }
settings-days = 每日日报在{ $current }发送。点按某一天开启或关闭（周报仍在周一）。
settings-days-none = 日报至少需要一天。不想再收到请用 /digest_unsubscribe。
settings-ret = { $days ->
        [0] 评论文字不限期保留。
       *[other] 超过 { $days } 天的评论文字每晚删除。
    }选择保留多久：
settings-retention-choice = { $days ->
        [off] 全部保留
       *[other] { $days } 天
    }
settings-tags = 本群的标签：{ $tags }。
    点按一个标签即可删除（会先确认，10 分钟内可撤销），或用 /tag_new、/tag_rename、/tag_add 和 /tag_remove 修改。
settings-chat = 日报同时发到：<b>{ $current }</b>。
    不用任何 id 选择运营群：在那个群里发送 /digest_chat{ $private ->
        [true] ，或点按“选择群”并选中它。
       *[other] ，或在与我的私聊中打开 /settings，从你的群里选择。
    }
settings-chat-pick = 📨 选择群
settings-chat-stop = 不再发到那里
settings-chat-picking = 点按下面的按钮，选择运营群（你必须是那个群的管理员，而且我在群里）。
settings-done-lang = ✅ 本群现在使用简体中文。
settings-done-time = ✅ 日报现在在 { $time }（{ $timezone }）发送。
settings-done-days = ✅ 每日日报现在在{ $days }发送。
settings-done-ret = { $days ->
        [0] ✅ 评论文字现在不限期保留。
       *[other] ✅ 超过 { $days } 天的评论文字将每晚删除。
    }
settings-stale = 这个按钮已过期：请重新打开 /settings。
settings-roles = 拥有 fanpulse 角色的人：{ $holders }。
    { $private ->
        [true] 选择某人即可授予角色（对方不必在群里发过言），或在群里回复对方的消息并发送 /grant operator。用 /revoke 收回。
       *[other] 回复某人的消息并发送 /grant operator 即可授予角色；要选择从未发言的人，请在与我的私聊中打开 /settings。用 /revoke 收回。
    }
settings-roles-pick = { $role ->
        [analyst] 👤 选择分析员
       *[operator] 👤 选择运营
    }
settings-roles-picking = 点按下面的按钮，选择成为{ $role ->
        [analyst] 分析员（只读）
       *[operator] 运营
    }的人。

digest-chat-here = 哪个群的日报要发到 <b>{ $chat }</b>？点按它：
digest-chat-here-none = 你没有用 fanpulse 管理其他群，所以没有日报可以发到这里。请在你管理的群的运营群里发送 /digest_chat。

settings-tag-delete = 🗑 { $tag }
settings-revoke = ✖ 收回 { $name }
