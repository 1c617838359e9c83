## 抽奖：创建、参与按钮、开奖与证明、管理。

menu-giveaway = 发起抽奖（只发 /giveaway：分步创建）
menu-giveaways = 本群的抽奖
menu-giveaway_end = 立即结束抽奖并开奖
menu-giveaway_cancel = 取消抽奖（需写原因）
menu-giveaway_reroll = 补抽中奖者（需写原因）

giveaway-enter-button = 🎉 参与
giveaway-start-button = 🔔 中奖时私信通知我
giveaway-enter-done = 你已参与抽奖 #{ $id }，祝你好运！想在中奖时收到通知，请先按公告下的 🔔 按钮启动我。
giveaway-enter-already = 你已经参与过了。
giveaway-enter-closed = 这个抽奖已经结束。
giveaway-enter-not-person = 只有真人可以参与：机器人、频道和匿名管理员不行。
giveaway-enter-retry = Telegram 没有及时回应，请再按一次。
giveaway-enter-unmet = 你暂时不能参与：{ $reason }。
giveaway-enter-forgotten = 你要求我忘记你，所以我不会保存你的参与记录，也就无法参与抽奖。

giveaway-announce-title = 🎁 <b>抽奖 #{ $id }</b>：{ $prize }
giveaway-announce-winners = 中奖人数：<b>{ $count }</b>
giveaway-announce-ends = 截止：{ $when }
giveaway-announce-rules = 规则：
giveaway-announce-entrants = 参与人数：<b>{ $count }</b>
giveaway-announce-commitment = 种子承诺（SHA-256）：<code>{ $commitment }</code>
giveaway-announce-beacon = 公开随机数：{ $url } 的信标轮次 { $round }
giveaway-announce-closed = <i>已停止参与。</i>
giveaway-announce-cancelled = <i>已取消：{ $reason }</i>

giveaway-rule-none = • 群里所有人都可以参与
giveaway-rule-member = • 开奖时仍是群成员
giveaway-rule-joined = • 在抽奖开始前已入群
giveaway-rule-comments = • 最近 { $days } 天在群里发言至少 { $count } 条
giveaway-rule-channel = • 已订阅 { $channel }
giveaway-rule-staff = • 发起人、群管理员和运营人员不能参与

giveaway-reason = { $code ->
        [left-group] 不是群成员
        [joined-after-start] 在抽奖开始后才入群
        [too-few-comments] 最近 { $days } 天在群里发言少于 { $count } 条
        [not-subscribed] 没有订阅 { $channel }
        [staff] 发起人、管理员和运营人员不能参与
       *[other] { $code }
    }

giveaway-result-title = 🎉 <b>抽奖 #{ $id } 结果</b>：{ $prize }
giveaway-reroll-title = 🔁 <b>抽奖 #{ $id } 第 { $number } 次补抽</b>：{ $prize }（原因：{ $reason }）
giveaway-reroll-replaces = 替换：
giveaway-reroll-replaced = • { $mention }
giveaway-result-winners = 中奖者（{ $entrants } 人参与，{ $count } 人中奖）：
giveaway-result-winner = { $rank }. { $mention }
giveaway-result-none = { $entrants } 位参与者中没有符合条件的人：无人中奖。
giveaway-result-skipped = 开奖时跳过：
giveaway-result-skip = • 第 { $position } 位 <code>{ $entrant }</code>：{ $reason }
giveaway-result-proof = 公开的种子：<code>{ $seed }</code>
    承诺：<code>{ $commitment }</code>
    参与名单摘要：<code>{ $entrant_digest }</code>
    记录摘要：<code>{ $digest }</code>
giveaway-result-verify = 用附带的记录文件自己验证：<code>python -m bot verify transcript.json --check-entrant 你的用户ID</code>（或只需 Python 的独立脚本 <code>fairness.py</code>）。
giveaway-transcript-caption = 开奖记录（摘要 <code>{ $digest }</code>）
giveaway-check-button = 🔍 查看我的参与
giveaway-check-not-entered = 抽奖 #{ $id } 的开奖中没有你的参与记录。
giveaway-check-won = 抽奖 #{ $id }：你的参与者编号是 { $entrant }，你中奖了，是第 { $place } 位中奖者！
giveaway-check-replaced = 抽奖 #{ $id }：你的参与者编号是 { $entrant }；你曾被抽中，之后在补抽中被替换。
giveaway-check-skipped = 抽奖 #{ $id }：你的参与者编号是 { $entrant }；抽到你时被跳过：{ $reason }。
giveaway-check-not-drawn = 抽奖 #{ $id }：你的参与者编号是 { $entrant }；这次没有抽中你。

giveaway-you-won = 🎉 你在 { $title } 的抽奖 #{ $id } 中奖了：<b>{ $prize }</b>。组织者会联系你。
giveaway-creator-drawn = { $title } 的抽奖 #{ $id }（{ $prize }）已开奖：{ $entrants } 人参与，{ $winners } 人中奖。记录摘要 <code>{ $digest }</code>。
giveaway-creator-winner = { $rank }. { $mention }
giveaway-creator-untold-one = • { $mention }
giveaway-creator-more = ……还有 { $count } 人，请查看群里的开奖结果。
giveaway-creator-untold = 以下中奖者无法收到私信（从未启动机器人或已将其屏蔽），请自行联系他们：
giveaway-creator-all-told = 所有中奖者都已收到私信通知。
giveaway-created = 抽奖 #{ $id } 已在 { $title } 发布。种子承诺：<code>{ $commitment }</code>

giveaway-error = { $code ->
        [winners] 中奖人数必须在 1 到 { $max } 之间。
        [order] 先写中奖人数，再写截止时间：<code>/giveaway 1 2h 签名海报</code>。
        [prize] 奖品描述太长（最多 { $detail } 个字符）。
        [rules] 无法识别的规则“{ $detail }”。可用规则：member、joined（或 joined:2026-11-01）、comments:N/D、channel:@频道。
        [end] 看不懂截止时间。请写时长（2h、1d 12h、3天）或本地日期时间（2026-12-01 20:00、明天 20:00）。
        [end-past] 这个截止时间已经过去了。请写一个之后的时间，或写时长。
        [end-too-soon] 截止时间太近了：至少给粉丝 10 秒。
        [end-too-far] 截止时间太远了：最多 90 天。
        [channel-unknown] 找不到频道 { $detail }，请检查它的 @用户名。
        [channel-no-bot] 我不是 { $detail } 的管理员，无法查看谁订阅了。请把我加为该频道的管理员后再试。
        [beacon] 公开随机数信标暂时无法访问，请一分钟后再试。
       *[usage] 用法：/giveaway 人数 截止 奖品 | 规则，例如 <code>/giveaway 3 2h 签名海报 | member comments:5/7</code>；或在私聊中只发 /giveaway，分步创建。
    }

giveaway-list-empty = { $title } 还没有抽奖。
giveaway-list-title = <b>{ $title } 的抽奖</b>
giveaway-list-line = #{ $id } · { $prize } · { $status ->
        [open] 进行中
        [drawing] 开奖中
        [drawn] 已开奖
        [done] 已开奖
        [cancelled] 已取消
        [deleted] 已删除
       *[other] { $status }
    } · { $entrants } 人参与 · { $winners } 个名额 · 截止 { $when }

giveaway-end-usage = 用法：/giveaway_end 编号
giveaway-not-open = 本群没有进行中的抽奖 #{ $id }。
giveaway-ended = 抽奖 #{ $id } 已停止参与，现在开奖。
giveaway-cancel-usage = 用法：/giveaway_cancel 编号 原因
giveaway-cancel-no-reason = 缺少取消原因：粉丝会看到它。<code>/giveaway_cancel { $id } 奖品没有到货</code>
giveaway-cancelled = 抽奖 #{ $id } 已取消。
giveaway-cancelled-notice = 抽奖 #{ $id } 已取消：{ $reason }
giveaway-reroll-usage = 用法：/giveaway_reroll 编号 中奖者序号… 原因，序号为开奖结果中的编号（例如 /giveaway_reroll 3 #2 一直没有回复）。
giveaway-reroll-refused = { $code ->
        [nobody-left] 抽奖 #{ $id }：已没有符合条件的参与者可抽。
        [too-many] 抽奖 #{ $id }：补抽人数不能超过奖品的中奖名额。
        [no-such-winner] 抽奖 #{ $id } 没有这个序号的中奖者：请使用开奖结果中的序号。
        [busy] 抽奖 #{ $id } 刚刚有变化，请再试一次。
       *[not-drawn] 本群的抽奖 #{ $id } 还没有开奖。
    }
giveaway-rerolled = 抽奖 #{ $id }：已为 { $replaced } 位中奖者补抽 { $count } 位并公布（摘要 <code>{ $digest }</code>）。

giveaway-digest-created = 🎁 #{ $id } { $prize }：已开始，目前 { $entrants } 人参与
giveaway-digest-drawn = 🎉 #{ $id } { $prize }：已开奖，{ $entrants } 人参与，{ $winners } 人中奖
