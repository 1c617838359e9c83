# “你点的，我们做了”：告诉粉丝他们提的要求已经有了回应（/notices）。

menu-notices = 你提的要求做出来时通知你：/notices on 或 off
ask-notice-private-video = 🎬 你在 { $group } 点的，我们做了：<b>{ $title }</b>（{ $code }）
ask-notice-private-done = ✅ 你在 { $group } 提的要求已完成。
ask-notice-link = { $url }
ask-notice-you-asked = 你当时说：“{ $ask }”
ask-notice-turn-off = <i>发送 /notices off 不再接收这类消息。</i>
ask-notice-group-title = 🎬 <b>你们点的，我们做了</b>
ask-notice-group-video = <b>{ $title }</b>（{ $code }），点播的有：{ $people }
ask-notice-group-done = ✅ 已完成，提出的有：{ $people }
ask-notice-separator = 、
ask-notices-not-a-person = 只有本人才能设置通知：请用自己的身份发送，不要以频道或群的身份。
ask-notices-now = 你提的要求做出来时的通知：<b>{ $enabled ->
        [true] 开
       *[false] 关
    }</b>。用 /notices on 或 /notices off 修改。
ask-notices-set = 你提的要求做出来时的通知已<b>{ $enabled ->
        [true] 打开
       *[false] 关闭
    }</b>，对所有群有效。
ask-notices-bad-choice = “{ $value }”既不是 on 也不是 off。请发送 /notices on 或 /notices off。
ask-notice-digest = 闭环：回应了 <b>{ $count }</b> 个要求；从提出到回应的中位时间：{ $wait }
ask-notice-wait-minutes = { $count } 分钟
ask-notice-wait-hours = { $count } 小时
ask-notice-wait-days = { $count } 天
digest-section-name-loops = 闭环
video-link-poll-open = 这个投票还没有胜出选项：请先结束它（/poll_close），再用 /link v12 回复它。
video-link-poll-done = 已把投票的胜出选项（{ $winners }）关联到 { $code }：{ $fans ->
        [0] 没有可通知的投票者（匿名投票不会告诉我们是谁投的）。
       *[other] 将通知 { $fans } 位投票者。
    }
