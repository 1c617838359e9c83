## 加入群、机器人的权限与 /status。

join-title = fanpulse 已加入 <b>{ $title }</b>。
rights-changed-title = fanpulse 在 <b>{ $title }</b> 的权限已更改。
join-missing = 要完整工作，还需要：
join-all-set = 一切就绪：它能读取每条消息，也能在这里发帖。
join-next-step = 在与我的私聊中管理这个群：/groups
join-timezone-ask = 这个群用哪个时区？摘要、“今天”和你输入的时间都按它来算。点一个，或在群里发送 /timezone 加城市名。
requirement-read-all-messages = • <b>读取所有消息。</b>把机器人设为管理员，或在 @BotFather 中关闭隐私模式（/setprivacy → Disable），然后将机器人移出并重新加入群。
requirement-send-messages = • <b>发送消息。</b>在群权限中允许机器人发送消息。

status-title = <b>{ $title } 的健康状况</b>
status-timezone = 时区：{ $timezone }（用 /timezone 修改）
status-bot-unreachable = 机器人无法读取自己在这里的成员身份：它还在群里吗？
status-bot-member = 机器人：{ $status ->
        [creator] 群主
        [administrator] 管理员
        [restricted] 受限成员
       *[member] 普通成员
    }
status-reads = { $how ->
        [administrator] 读取每条消息（管理员）。
        [privacy-off] 读取每条消息（隐私模式已关闭）。
       *[limited] 只读取命令和回复它的消息：隐私模式开启，且它不是管理员。
    }
status-rights-ok = 权限：全部就绪。
status-rights-missing = 缺少：
status-last-update = 最近一条消息：{ $when }
status-last-update-never = 最近一条消息：暂无
status-comments-today = 今天保存的评论（{ $timezone }）：{ $count }
status-feature-none-yet = { $feature ->
        [polls] 进行中的投票
        [giveaways] 进行中的抽奖
        [digest] 下一次摘要
       *[other] { $feature }
    }：暂无
status-feature-count = { $feature ->
        [polls] 进行中的投票
        [giveaways] 进行中的抽奖
        [digest] 摘要
       *[other] { $feature }
    }：{ $count }
status-feature-next = { $feature ->
        [polls] 下一个投票截止
        [giveaways] 下一次开奖
        [digest] 下一次摘要
       *[other] { $feature }
    }：{ $when }
