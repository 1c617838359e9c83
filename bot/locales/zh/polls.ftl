## 投票：/poll 及其选项、/polls、结束、取消、导出、选题投票、结果。

menu-poll = 发起投票（只发 /poll 查看用法）
menu-polls = 进行中和最近的投票
menu-poll_close = 立即结束投票：/poll_close 12
menu-poll_cancel = 取消定时投票：/poll_cancel 12
menu-poll_export = 投票结果 CSV：/poll_export 12
menu-poll_topics = 用粉丝最想看的选题发起投票

poll-help =
    <b>投票</b>
    <code>/poll 问题？| 选项1 | 选项2 | …</code>（2–12 个选项；也可以每行一个选项）
    可选参数：
    <code>--close 2h</code> 或 <code>--close 2026-12-01 20:00</code> — 一段时间后（30m、2h、3d）或在本地时间结束；最长 30 天
    <code>--start 30m</code> 或 <code>--start 明天 09:00</code> — 稍后发送；--close 的时长从发送时算起
    <code>--anonymous no</code> — 显示谁投了票（默认匿名）
    <code>--multi</code> — 每人可选多项
    <code>--quiz 2</code> 或 <code>--quiz 1,3</code> — 测验；正确选项的序号
    <code>--explain 文字</code> — 测验答错后显示的说明（最多 200 字）
    <code>--tz Asia/Shanghai</code> — 按这个时区而不是群的时区理解时间
    示例：<code>/poll 下期拍什么？| 猫咪日常 | 街头美食 | 问答 --close 1d --multi</code>
    之后：/polls 列表，/poll_close 12，/poll_cancel 12，/poll_export 12，/poll_delete 12；/poll_topics 用粉丝的选题建议生成投票。

poll-error-hint = 只发 /poll 可查看用法。
poll-error-usage = 请写上问题和选项：<code>/poll 问题？| 选项1 | 选项2</code>
poll-error-no-question = 投票缺少问题：请把问题写在第一个 | 之前。
poll-error-too-few-options = 投票至少需要 { $limit } 个选项，现在只有 { $count } 个。
poll-error-too-many-options = 投票最多 { $limit } 个选项，现在有 { $count } 个。
poll-error-question-too-long = 问题有 { $length } 个字符，Telegram 最多允许 { $limit } 个。
poll-error-option-too-long = 选项 { $number } 有 { $length } 个字符，Telegram 最多允许 { $limit } 个。
poll-error-option-empty = 选项 { $number } 是空的。
poll-error-option-duplicate = 选项 { $number } 与前面的选项重复。
poll-error-unknown-flag = 没有 --{ $flag } 这个参数。
poll-error-unknown-flag-near = 没有 --{ $flag } 这个参数：你是想写 --{ $suggestion } 吗？
poll-error-repeated-flag = --{ $flag } 写了两次。
poll-error-bad-yes-no = --{ $flag } 只能是 yes 或 no。
poll-error-quiz-options = --quiz 需要正确选项的序号，范围 1 到 { $count }。
poll-error-quiz-needs-multi = 有多个正确选项的测验需要加上 --multi。
poll-error-explanation-too-long = 说明有 { $length } 个字符，Telegram 最多允许 { $limit } 个。
poll-error-explanation-without-quiz = --explain 只能和 --quiz 一起使用。
poll-error-time-unparsable = 无法把“{ $value }”理解为时长（30m、2h、3d）或日期时间（2026-12-01 20:00）。
poll-error-time-in-the-past = “{ $value }”已经过去了。
poll-error-close-too-soon = 投票至少要开放 { $seconds } 秒。
poll-error-close-too-far = Telegram 的投票最多开放 { $days } 天。
poll-error-start-too-far = 投票最多只能提前 { $days } 天定时。
poll-error-unknown-timezone = 未知时区“{ $timezone }”（请用 Asia/Shanghai、Europe/Berlin 这样的名称）。

poll-scheduled = 🗓 投票 #{ $number } 将在 { $when } 发送到 { $title }。用 /poll_cancel { $number } 取消。
poll-sent = 📊 投票 #{ $number } 已发到 { $title }。
poll-closes = ⏳ 投票 #{ $number } 将于 { $when } 结束。
poll-send-failed = Telegram 没有接受发到 { $title } 的投票：请确认我能在那里发消息。

poll-list-none = { $title } 还没有投票。用 /poll 发起一个。
poll-list-title = <b>{ $title } 的投票</b>
poll-list-line = #{ $number } · { $status ->
        [scheduled] 🗓 定时
        [open] 📊 进行中
        [closed] ✅ 已结束
       *[cancelled] ✖️ 已取消
    } · { $question } · { $voters } 人投票 · { $anonymous ->
        [yes] 匿名
       *[no] 公开
    } · { $when }
poll-list-hint = /poll_close 序号 · /poll_cancel 序号 · /poll_export 序号 · /poll_delete 序号
poll-list-separator = {"、"}

poll-close-usage = 用法：/poll_close 12（/polls 里的序号）。
poll-cancel-usage = 用法：/poll_cancel 12（/polls 里的序号）。
poll-export-usage = 用法：/poll_export 12（/polls 里的序号）。
poll-not-open = 投票 #{ $number } 在这里不是进行中的投票。
poll-not-scheduled = 投票 #{ $number } 在这里不是定时投票（已发出的投票请用 /poll_close 结束）。
poll-not-found = 投票 #{ $number } 没有在这里发出过。
poll-closed-now = 投票 #{ $number } 已结束，结果已发到 { $title }。
poll-cancelled = 定时投票 #{ $number } 已取消。
poll-export-anonymous = 投票 #{ $number }：每个选项的票数。这是匿名投票：Telegram 不告诉任何人谁投了票，所以没有逐人记录。
poll-export-voters = 投票 #{ $number }：每个选项的票数，以及每位投票者一行（{ $voters } 人），包括撤回的投票。

poll-results-title = 📊 <b>投票结束：{ $question }</b>
poll-results-option = { $number }. { $label }{ $mark }
    <code>{ $bar }</code> { $votes } · { $percent }%
poll-mark-winner = {" "}🏆
poll-mark-correct = {" "}✅
poll-results-voters = 👥 { $voters } 人投票
poll-results-no-votes = 没有人投票。
poll-results-winner = { $count ->
        [1] 胜出：<b>{ $labels }</b>
       *[other] 并列：<b>{ $labels }</b>
    }
poll-chart-subtitle = { $voters } 人投票
poll-chart-caption = 结果：{ $question }

poll-csv-option = 选项
poll-csv-label = 内容
poll-csv-votes = 票数
poll-csv-share = 占投票人数比例
poll-csv-voters = 投票人数
poll-csv-user-id = 用户 ID
poll-csv-name = 名字
poll-csv-username = 用户名
poll-csv-choice = 选择
poll-csv-answered-at = 投票时间
poll-csv-retracted = 已撤回

poll-digest-opened = 📊 新投票：{ $count }
poll-digest-closed = ✅ { $question }：{ $voters } 人投票 · { $winners }
poll-digest-no-winner = 无人投票

poll-topics-usage = 用法：/poll_topics [时间段，如 7d、昨天或 11/30] 查看粉丝的选题建议，然后 /poll_topics 7d 1,3,4 [--close 1d …] 用选中的几项发起投票。
poll-topics-none = { $title } 在 { $period } 没有选题建议。
poll-topics-bad-period = “{ $value }”不是我能读懂的时间段：请写成 7d、2w（最长 90 天）、昨天、上周或 11/30 这样。
poll-topics-question = 下期做哪个选题？
poll-topics-title = <b>{ $period } 的选题建议</b>（按粉丝人数排序）
poll-topics-line = { $number }. { $label } — { $fans } 位粉丝，{ $mentions } 次提到
poll-topics-suggestion = 编辑后发送：<code>{ $command }</code>
poll-topics-pick-hint = 或按序号选择：/poll_topics 7d 1,2,3 --close 1d
poll-topics-bad-pick = 请选择 1 到 { $count } 之间的序号。
