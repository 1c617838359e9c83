## 群内垃圾消息（handlers/spam.py、bot/services/spam.py）。按钮弹窗不含 HTML。

menu-spam = 标记一条消息为垃圾消息（回复它）
spam-settings-line = 垃圾消息检测：{ $mode ->
        [report] 仅报告（试运行：不删除任何内容）
        [act] 删除消息并限制发送者
       *[off] 关
    } · 修改：/door spam report · /door spam act · /door spam off · 标记一条：回复 /spam
spam-bad-mode = “{ $typed }”不是垃圾消息模式。请写 off（关）、report（报告，只告诉运营者）或 act（删除，删除并限制）；on 即 report。
spam-panel = 🧹 垃圾消息：{ $mode ->
        [report] 仅报告
        [act] 删除并限制
       *[off] 关
    }

spam-report = 🧹 <b>{ $title } 出现垃圾消息</b>：{ $senders } 个账号发送了 { $messages } 条。{ $mode ->
        [act] 已删除，发送者已被限制。
       *[report] 试运行：没有删除或限制任何人。
    }
    { $lines }
spam-report-more = ……另有 { $more } 个账号。
spam-report-line = • { $who }（<code>{ $user_id }</code>）：{ $reasons } ——“{ $excerpt }”
spam-reason = { $reason ->
        [newcomer-link] 新成员最初几条消息中的链接
        [newcomer-mention] 新成员最初几条消息中的提及
        [newcomer-forward] 新成员最初几条消息中的转发
        [phrase] 已知的垃圾短语“{ $detail }”
        [learned] 运营者标记过的垃圾内容“{ $detail }”
        [repeat-accounts] { $detail } 个账号发送相同内容
        [repeat-groups] 相同内容出现在 { $detail } 个群
        [mass-mention] 一次提及 { $detail } 人
        [operator] 运营者标记
       *[other] { $reason }
    }
spam-button = { $action ->
        [undo] ↩️ 撤销
        [ban] ⛔ 封禁
       *[clear] ✅ 不是垃圾消息
    }
spam-report-gone = 这份报告不属于本群，或已不存在。
spam-report-decided = 另一位运营者已经处理了这份报告。
spam-nothing-to-undo = 这是试运行：什么都没做，所以没有可撤销的。
spam-undone = ↩️ 已撤销：{ $count } 个发送者可以重新发言。已删除的消息 Telegram 无法恢复。
spam-banned = ⛔ 已封禁这批垃圾消息的 { $count } 个发送者。
spam-cleared = ✅ 不是垃圾消息：{ $count } 个发送者可以重新发言，他们的消息重新计入统计，检测也忘掉了从中学到的内容。
spam-mark-usage = 回复那条消息并发送 /spam 即可标记为垃圾消息：本群的检测会学习它的内容。
spam-mark-staff = 这是管理员或机器人：垃圾消息检测从不处理他们的消息。
spam-mark-off = 本群的垃圾消息检测未开启。请先开启：/door spam report（仅报告）或 /door spam act（删除并限制）。
spam-marked = 🧹 已标记为垃圾消息。检测已为本群学会这段内容，并按垃圾消息模式处理。
