## 仪表盘的操作（bot/dashboard/*_creation.py、设置与上传接口）：表单被拒时 API 的说明。

dashboard-poll-quiz-correct = 测验需要正确答案：请从选项中选一个。

dashboard-bad-digest-time = 请按“时:分”填写简报时间，例如 09:00 或 21:30。
dashboard-bad-person = 请填写对方的 @用户名 或 Telegram 数字 ID，例如 @max 或 123456789。

## 创建表单（bot/dashboard/static/screens/*_form.js）。

ui-poll-new = 新投票
ui-poll-new-button = 发起投票
ui-poll-form-question = 问题
ui-poll-form-options = 选项（2 到 { $limit } 个）
ui-poll-form-option = 选项 { $number }
ui-poll-form-add-option = 添加选项
ui-poll-form-remove-option = 删除这个选项
ui-poll-form-ideas = 从话题灵感中选
ui-poll-form-no-ideas = 最近 7 天粉丝没有聊到任何话题。
ui-poll-form-anonymous = 匿名
ui-poll-form-multiple = 可多选
ui-poll-form-quiz = 测验
ui-poll-form-correct = 正确答案
ui-poll-form-start = 开始
ui-poll-form-close = 结束
ui-poll-form-time-hint = 2h、1d、20:00 或 2026-12-24 18:00
ui-poll-form-now = 立即
ui-poll-form-by-hand = 手动结束
ui-poll-form-in-hour = 1 小时后
ui-poll-form-in-day = 1 天后
ui-poll-form-tonight = 20:00
ui-poll-form-preview = 预览
ui-poll-preview-title = 预览：粉丝将看到
ui-poll-preview-correct = 正确
ui-poll-preview-kind-single = 单选
ui-poll-preview-kind-multiple = 多选
ui-poll-preview-kind-quiz = 测验
ui-poll-preview-anonymous = 匿名
ui-poll-preview-public = 实名投票
ui-poll-preview-opens-now = 发送后立即开始
ui-poll-preview-opens = { $when } 开始
ui-poll-preview-closes-by-hand = 由你手动结束
ui-poll-preview-closes = { $when } 结束
ui-poll-send = 发到群里
ui-poll-edit = 修改
ui-poll-sent-sent = 投票已发到群里。
ui-poll-sent-scheduled = 投票已排期：到开始时间会发到群里。
ui-poll-sent-failed = Telegram 拒绝了这个投票，已取消。请检查机器人在群里的权限。

ui-giveaway-new = 新抽奖
ui-giveaway-new-button = 发起抽奖
ui-giveaway-form-prize = 奖品
ui-giveaway-form-winners = 中奖人数
ui-giveaway-form-end = 截止参加
ui-giveaway-form-end-hint = 2h、3d、20:00 或 2026-12-24 18:00
ui-giveaway-form-end-hour = 1 小时后
ui-giveaway-form-end-day = 1 天后
ui-giveaway-form-end-evening = 20:00
ui-giveaway-form-rules = 谁可以中奖
ui-giveaway-form-member = 开奖时仍在群里
ui-giveaway-form-joined = 在某日期前入群
ui-giveaway-form-joined-day = 入群早于（留空：抽奖开始前）
ui-giveaway-form-comments = 最近 D 天至少 N 条发言，例如 5/7（留空：不限）
ui-giveaway-form-channel = 订阅某频道，例如 @channel（留空：不限）
ui-giveaway-form-staff = 管理人员不能中奖
ui-giveaway-form-preview = 预览
ui-giveaway-preview-title = 预览：粉丝将看到
ui-giveaway-preview-ends = { $when } 截止参加
ui-giveaway-send = 发到群里
ui-giveaway-edit = 修改
ui-giveaway-posted = 抽奖 #{ $number } 已发到群里。
