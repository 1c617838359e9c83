## 私聊中的分步 /giveaway：奖品、中奖人数、截止时间、规则，然后预览。

giveaway-flow-in-group = 要分步创建抽奖，请私聊我并发送 /giveaway。熟练用户也可以在这里直接用：<code>/giveaway 3 2h 签名海报 | member</code>
giveaway-flow-ask-prize = 🎁 在 <b>{ $title }</b> 创建新抽奖。
    <b>第 1 步（共 4 步）：奖品。</b>请输入中奖者获得什么（最多 { $max } 个字符）。
giveaway-flow-ask-winners = <b>第 2 步（共 4 步）：中奖人数？</b>点一个数字，或输入 1 到 { $max } 之间的数字。
giveaway-flow-ask-end = <b>第 3 步（共 4 步）：何时截止报名？</b>点一个选项，或输入时长（<code>2h</code>、<code>1d 12h</code>、<code>3天</code>）或日期时间（<code>2026-12-01 20:00</code>、<code>明天 20:00</code>），按 { $timezone } 时间。
giveaway-flow-ask-rules = <b>第 4 步（共 4 步）：谁可以参加？</b>点规则来开启或关闭，然后点“预览”。
giveaway-flow-ask-joined = 粉丝必须在哪一天之前入群？请输入日期（<code>2026-11-01</code>、<code>11/01</code>、<code>11月1日</code>），或点“抽奖开始前”。
giveaway-flow-ask-comments = 多少天内发言多少条？请输入两个数字：<code>5/7</code> 表示最近 7 天内在群里至少发言 5 条。
giveaway-flow-ask-channel = 粉丝必须关注哪个频道？请输入频道的 @用户名 或 t.me 链接。我必须是该频道的管理员才能检查。
giveaway-flow-keep = 保持不变 ▶️
giveaway-flow-which-group = 这个抽奖是哪个群的？
giveaway-flow-use-buttons = 这一步请点规则来开启或关闭，然后点“预览”。
giveaway-flow-so-far = 目前：
giveaway-flow-prize = 奖品：{ $prize }

giveaway-flow-end-hour = 1 小时后
giveaway-flow-end-day = 1 天后
giveaway-flow-end-tonight = 今晚 20:00
giveaway-flow-end-tomorrow = 明晚 20:00
giveaway-flow-joined-start = 抽奖开始前

giveaway-flow-toggle = { $on ->
        [yes] ✅
       *[other] ▫️
    } { $label }
giveaway-flow-rule-member = 开奖时仍在群内
giveaway-flow-rule-joined = 在某日前入群…
giveaway-flow-rule-joined-start = 抽奖开始前已入群
giveaway-flow-rule-joined-day = { $day } 前入群
giveaway-flow-rule-comments = D 天内发言 N 条…
giveaway-flow-rule-comments-set = { $days } 天内发言 { $count } 条
giveaway-flow-rule-channel = 关注频道…
giveaway-flow-rule-channel-set = 已关注 { $channel }
giveaway-flow-rule-staff = 工作人员不可参加
giveaway-flow-preview-button = 预览 ▶️

giveaway-flow-error = { $code ->
        [prize-empty] 奖品为空。请输入中奖者获得什么，例如 <code>签名海报</code>。
        [prize-long] 奖品太长：最多 { $detail } 个字符。请缩短后重新发送。
        [prize-bar] 奖品中不能包含“|”。请换用其他分隔符，例如“/”或“·”。
        [winners-not-number] “{ $detail }”不是数字。请用数字输入中奖人数，例如 <code>3</code>。
        [winners-range] 中奖人数必须在 1 到 { $max } 之间；你输入的是 { $detail }。
        [end-past] 这个截止时间已经过去了。请输入更晚的日期时间，或 <code>2h</code> 这样的时长。
        [end-too-soon] 截止时间太近了：请至少给粉丝 10 秒。
        [end-too-far] 截止时间太远了：最多 90 天。
        [joined-day] 无法识别这个日期。请写成 <code>2026-11-01</code>、<code>11/01</code> 或 <code>11月1日</code>。
        [joined-future] 这个日期在未来。抽奖开始前入群的粉丝请用“抽奖开始前”；或者输入一个过去的日期。
        [comments-not-number] 请输入两个数字，先条数后天数：<code>5/7</code> 表示最近 7 天内至少发言 5 条。
        [comments-no-days] { $detail } 条发言，在多少天内？请输入两个数字，例如 <code>{ $detail }/7</code>。
        [comments-count] 发言条数至少为 1。
        [comments-days] 天数必须在 1 到 { $detail } 之间。
        [channel] 这不是频道用户名。请写成 <code>@频道</code> 或 <code>t.me/频道</code>。
        [channel-unknown] 找不到频道 { $detail }。请检查它的 @用户名 后重新输入。
        [channel-no-bot] 我不是 { $detail } 的管理员，无法检查谁已关注。请先把我添加为该频道的管理员，然后重新输入。
       *[end] 无法识别这个截止时间。请点一个选项，或输入时长（<code>2h</code>、<code>1d 12h</code>）或日期时间（<code>2026-12-01 20:00</code>、<code>明天 20:00</code>）。
    }

giveaway-rule-joined-day = • 在 { $day } 之前已入群
giveaway-reason-joined-day = 在 { $day } 当天或之后才入群
