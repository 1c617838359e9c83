# 私聊中的分步创建（handlers/flow_steps.py）：各流程共用的文字。
flow-button-back = ◀ 返回
flow-button-cancel = ✖️ 取消
flow-cancelled = 已取消，未保留任何内容。用 { $command } 重新开始。
flow-expired = 此流程闲置 30 分钟，已过期，未保留任何内容。用 { $command } 重新开始。
flow-over = 此流程已结束。用 { $command } 重新开始。
flow-step-gone = 这一步已经过去了：请在下方最新的消息里作答。

# 分步创建投票（handlers/poll_flow.py）。
flow-poll-open-private = 要为 { $title } 分步创建投票，请私聊我并在那里发送 /poll（/poll 帮助：一行写完的用法）。
flow-poll-which-group = 这个投票发到哪个群？
flow-poll-ask-question = <b>为 { $title } 新建投票</b>
    请发送问题（最多 { $limit } 个字符）。
flow-poll-keep = 保留这个问题 ▶
flow-poll-summary-question = <b>{ $question }</b>
flow-poll-summary-option = { $number }. { $label }
flow-poll-ask-options = { $count ->
    [0] 请发送第一个选项。每条消息一个选项（或用 | 分隔多个），最多 { $limit } 个。
    [1] 请发送下一个选项：投票至少需要两个。
   *[other] 已有 { $count }/{ $limit } 个选项。继续发送，或点“完成”。
}
flow-poll-from-ideas = 💡 从群里的话题建议中选
flow-poll-remove-last = ↩ 删除最后一个选项
flow-poll-done = 完成 ▶
flow-poll-ideas = 粉丝提到最多的话题建议（{ $period }）。点一下加为选项，再点一下移除。
flow-poll-no-ideas = 最近 { $period } 的粉丝评论里没有话题建议。请直接输入选项。
flow-poll-toggles = 粉丝怎么作答？点按切换，然后点“下一步”。
flow-poll-toggle-anonymous = { $on ->
    [yes] ✅ 匿名投票
   *[no] ⬜ 匿名投票
}
flow-poll-toggle-multi = { $on ->
    [yes] ✅ 允许多选
   *[no] ⬜ 允许多选
}
flow-poll-toggle-quiz = { $on ->
    [yes] ✅ 测验（一个正确答案）
   *[no] ⬜ 测验（一个正确答案）
}
flow-poll-next = 下一步 ▶
flow-poll-ask-correct = 哪个选项是正确答案？
flow-poll-ask-start = 什么时候开始？点选一项，或输入时间（30m、2h、2026-12-31 20:00）。
flow-poll-now = 现在
flow-poll-in-hour = 1 小时后
flow-poll-in-day = 1 天后
flow-poll-tonight = 今晚 20:00
flow-poll-ask-close = 什么时候结束？点选一项，或输入时间（开始后 2h，或 2026-12-31 20:00）。
flow-poll-by-hand = 由我手动结束
flow-poll-use-buttons = 这一步请点上方的按钮作答。
flow-poll-time-hint = 请输入时长（30m、2h、1d）或群所在时区的当地时间（{ $example }、2026-12-31 20:00）。
flow-poll-error-empty-question = 问题是空的：请以文字发送。
flow-poll-error-question-too-long = 问题有 { $length } 个字符，Telegram 最多允许 { $limit } 个。请发送短一些的。
flow-poll-error-reserved = 竖线 | 或以短横线开头的词会把投票拆开：请去掉后重新发送。
flow-poll-error-option-too-long = 这个选项有 { $length } 个字符，Telegram 最多允许 { $limit } 个。请发送短一些的。
flow-poll-error-duplicate = “{ $label }”已经是选项了：请发送不同的选项。
flow-poll-error-too-many = 投票最多 { $limit } 个选项。请点“完成”，或先删除一个。
flow-poll-error-too-few = 投票至少需要 { $limit } 个选项：请再发送一个。
flow-poll-error-empty-option = 这个选项是空的：请以文字发送。
flow-poll-error-close-before-start = 这样会在开始前就结束：请选更晚的结束时间，或用时长（从开始时算起）。
