## 运营日报、周报，/digest 及其设置。

menu-digest = 本群今天到目前为止的数据，或某一天的数据
menu-digest_subscribe = 每天在私聊中接收本群日报
menu-digest_unsubscribe = 不再接收本群日报
menu-digest_time = 日报的发送时间（例如 08:30）
menu-digest_chat = 同时把日报发到运营群

digest-title-daily = 📊 <b>日报 · { $title }</b>
digest-title-weekly = 📊 <b>周报 · { $title }</b>
digest-title-preview = 📊 <b>今日至今 · { $title }</b>
digest-period-day = { $day }（{ $timezone }）
digest-period-week = { $first } 至 { $last }（{ $timezone }）
digest-partial = <i>截至 { $until }：今天还没有结束。</i>

digest-activity = <b>活跃</b>
digest-messages = 💬 粉丝消息：<b>{ $count }</b> { $change }
digest-active-fans = 👥 活跃粉丝：<b>{ $count }</b> { $change }
digest-active-fans-weekly = 👥 日均活跃粉丝：<b>{ $count }</b> { $change }
digest-new-fans = 🌱 新粉丝（首次发言）：<b>{ $count }</b>
digest-joins = ➕ 加入：<b>{ $joins }</b> · ➖ 退出：<b>{ $leaves }</b>
digest-bot-replies = ↩️ 回复机器人：<b>{ $count }</b>
digest-staff = 🛠 管理团队活动（不计入以上数据）：群主、管理员和运营人员的消息 <b>{ $messages }</b> 条 · 命令 <b>{ $commands }</b> 条
digest-reactions = ❤️ 表情回应：<b>{ $count }</b>
digest-reactions-unseen = ❤️ 表情回应：看不到（Telegram 只把它们发给管理员机器人）
digest-against-day = 前一天
digest-against-week = 上一周
digest-change-up = （比{ $against }多 { $delta }）
digest-change-down = （比{ $against }少 { $delta }）
digest-change-same = （与{ $against }持平）

digest-feedback = <b>按标签的反馈</b>（{ $count }）
digest-feedback-none = 没有带标签的反馈。
digest-tag-line = • { $tag }：<b>{ $count }</b> { $change }，{ $days } 日均 { $average }
digest-tag-line-weekly = • { $tag }：<b>{ $count }</b> { $change }
digest-sentiment = <b>情绪</b>（{ $total } 条文字）：😊 { $positive } · 😐 { $neutral } · ☹️ { $negative }
digest-sentiment-none = <b>情绪</b>：没有文字
digest-rising = <b>上升中</b>
digest-rising-none = 没有上升的标签。
digest-rising-tag = 🔥 { $tag }：{ $count }（7 日均 { $average }）
digest-quote = › 「<i>{ $text }</i>」
digest-hours = <b>最活跃时段</b>：{ $hours }
digest-hours-none = <b>最活跃时段</b>：没有消息
digest-hour = { $start }–{ $end }（{ $count }）
digest-hours-separator = 、

digest-section = <b>{ $section }</b>
digest-section-empty = 无
digest-section-not-yet = <b>{ $section }</b>：无（本机器人尚未开放此功能）
digest-section-name-polls = 投票
digest-section-name-giveaways = 抽奖

digest-unseen-title = <b>机器人看不到的</b>
digest-unseen-views = • 浏览量：Bot API 不向机器人提供。
digest-unseen-privacy = • 普通消息：机器人不是管理员且开启了隐私模式，只能看到命令和回复它的消息；以上数字只统计这些。
digest-unseen-members = • 成员变动和表情回应只发给管理员机器人：这里的加入和退出只来自系统消息。
digest-unseen-rights = • 无法查询机器人在本群的权限；部分数字可能不完整。

digest-tag-suggestion = 建议
digest-tag-bug = 问题
digest-tag-praise = 好评
digest-tag-complaint = 抱怨
digest-tag-question = 提问
digest-tag-topic_idea = 选题
digest-tag-update_request = 催更
digest-tag-collab = 合作
digest-tag-spam = 垃圾信息

digest-chart-title-daily = { $title }：日报
digest-chart-title-weekly = { $title }：周报
digest-chart-title-preview = { $title }：今日至今
digest-chart-activity = 最近 14 天
digest-chart-messages = 消息
digest-chart-active-fans = 活跃粉丝
digest-chart-feedback = 按标签的反馈
digest-chart-no-feedback = 没有带标签的反馈

digest-period-refused = { $problem ->
        [future] 按本群的时区，“{ $value }”还没有开始。
        [length] 摘要只覆盖一天或七天，“{ $value }”都不是。
       *[other] “{ $value }”不是我能读懂的日期或时间段。
    }
digest-did-you-mean = 你是不是想发 { $suggestion }？
digest-usage = /digest 看今天到目前为止，/digest 昨天、/digest 11/30 或 /digest 2026-11-27 看过去某天，/digest week（或 上周）看上周，/digest 本周 或 /digest 7d 看七天；加上 csv 可得到表格文件。
digest-needs-person = 日报发到个人私聊：请以你自己的身份发送，而不是匿名管理员。
digest-subscribed = 你每天 { $time }（{ $timezone }）会在这里收到 <b>{ $title }</b> 的日报，每周一还有周报。如果还没有，请先和我开始私聊。
digest-already-subscribed = 你已经在每天 { $time }（{ $timezone }）收到 <b>{ $title }</b> 的日报。
digest-unsubscribed = 你不会再收到 <b>{ $title }</b> 的日报。
digest-not-subscribed = 你本来就没有订阅 <b>{ $title }</b> 的日报。
digest-time-usage = 请给出当地时间：/digest_time 08:30
digest-time-set = <b>{ $title }</b> 的日报现在于 { $time }（{ $timezone }）发送。
digest-chat-usage = 在运营群里直接发送 /digest_chat（不需要 id），或在与我的私聊中用 /settings → 日报发到哪里 选择群。按 id：/digest_chat -1001234567890；停止：/digest_chat off。
digest-chat-refused = 你必须是那个群的管理员，并且机器人也在那个群里。
digest-chat-set = <b>{ $title }</b> 的日报也会发到群 { $chat }。
digest-chat-cleared = <b>{ $title }</b> 的日报不再发到运营群。
