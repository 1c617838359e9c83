## 仪表盘各屏幕的文字（bot/dashboard/static/）：由 /app/texts/<locale>.json 原样发给浏览器，在那里排成纯文本。

ui-open-in-telegram = 请从 Telegram 打开仪表盘：点与机器人私聊中的按钮，或发送 /dashboard。
ui-login-expired = 登录已过期。请关闭仪表盘，再从 Telegram 重新打开。
ui-no-groups = 你还没有任何群组的角色。请群管理员授予你角色。
ui-screen-failed = 这个页面没能加载。请下拉刷新或重新打开。
ui-error-network = 连不上服务器。请检查网络后重试。
ui-error-400 = 输入未被接受：请检查填写的内容。
ui-error-401 = 登录已过期。请关闭仪表盘，再从 Telegram 重新打开。
ui-error-403 = 你在这个群组没有执行此操作的角色。
ui-error-404 = 它已经不存在了。
ui-error-409 = 有人刚刚改动过这里。请重新加载页面。
ui-error-429 = 请求太频繁。请稍等片刻再试。
ui-error-other = 服务器出了点问题。请稍后再试。
ui-loading = 加载中…
ui-group-picker = 群组
ui-tab-overview = 概览
ui-tab-inbox = 反馈
ui-tab-polls = 投票
ui-tab-giveaways = 抽奖
ui-tab-videos = 视频
ui-tab-settings = 设置

ui-overview-period = 时间段
ui-overview-days = { $days } 天
ui-overview-messages = 消息
ui-overview-active-fans = 活跃粉丝
ui-overview-new-fans = 新粉丝
ui-overview-joins = 加入
ui-overview-leaves = 退出
ui-overview-feedback = 反馈
ui-overview-sentiment = 情绪
ui-overview-sentiment-none = 这段时间没有反馈。
ui-overview-tags = 各标签的反馈
ui-overview-tags-none = 这段时间没有带标签的反馈。
ui-overview-hours = 最活跃的时段（{ $timezone }）
ui-overview-hour = { $hour }:00 —— { $count } 条消息
ui-overview-topics = 上升话题
ui-overview-topics-none = 这段时间没有上升的话题。
ui-overview-topic-count = 提到 { $count } 次

ui-sentiment-positive = 正面
ui-sentiment-neutral = 中性
ui-sentiment-negative = 负面
ui-status-new = 未处理
ui-status-triaged = 已分拣
ui-status-planned = 已计划
ui-status-done = 已完成
ui-status-wontdo = 不做
ui-period-24h = 最近 24 小时
ui-period-7d = 最近 7 天
ui-period-30d = 最近 30 天
ui-period-90d = 最近 90 天

ui-inbox-search = 搜索文字
ui-inbox-search-go = 搜索
ui-inbox-author = 粉丝：@用户名或 ID
ui-inbox-filter-tag = 标签
ui-inbox-filter-status = 状态
ui-inbox-filter-sentiment = 情绪
ui-inbox-filter-period = 时间段
ui-inbox-any-tag = 所有标签
ui-inbox-any-status = 所有状态
ui-inbox-any-sentiment = 所有情绪
ui-inbox-any-period = 所有时间
ui-inbox-empty = 没有符合这些筛选条件的反馈。
ui-inbox-total = { $more ->
        [true] 超过 { $count } 条
       *[false] 共 { $count } 条
    }
ui-inbox-select = 选择这张卡片
ui-inbox-edited = 已编辑
ui-inbox-duplicate-of = 与 #{ $id } 重复
ui-inbox-duplicate = 标为重复…
ui-inbox-pick-original = 现在点一下原始的那张卡片（将标记 { $count } 张）。
ui-inbox-selected = 已选 { $count } 张
ui-inbox-tag = 加标签
ui-inbox-untag = 去标签
ui-inbox-set-status = 设置状态…
ui-inbox-clear = 取消选择
ui-inbox-done-tag = 已给 { $count } 条加上标签。
ui-inbox-done-untag = 已从 { $count } 条去掉标签。
ui-inbox-done-status = 已设置 { $count } 条的状态。
ui-inbox-done-duplicate = 已把 { $count } 条标为重复。
