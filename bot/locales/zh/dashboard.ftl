## 运营面板（bot/dashboard/）：其接口拒绝时的回答。

dashboard-login-missing = 请从 Telegram 打开面板：点机器人的菜单按钮，或在与机器人的私聊中发送 /dashboard。
dashboard-login-invalid = 这次登录不是 Telegram 为本机器人签发的。请关闭面板，再从机器人的菜单按钮重新打开。
dashboard-login-expired = 这次登录已过期。请关闭面板，再从机器人的菜单按钮重新打开。
dashboard-login-no-user = Telegram 没有告知你是谁。请从机器人的菜单按钮，或在与机器人的私聊中发送 /dashboard 打开面板。
dashboard-rate-limited = 请求太频繁了。请稍等片刻再试。
dashboard-not-found = 面板没有这个页面。
dashboard-failed = 机器人这边出错了。请稍后再试。
dashboard-bad-group = 这不是群 ID：群 ID 是整数，例如 -1001234567890。
dashboard-bad-days = 时间段必须是 { $allowed } 天之一。
dashboard-bad-body = 请求必须是一个 JSON 对象。
dashboard-bad-limit = 每次请求 1 到 { $most } 条。
dashboard-bad-cursor = 这个列表位置不是面板给出的：请从头重新加载列表。
dashboard-bad-action = 请选择以下操作之一：{ $allowed }。
dashboard-bad-items = 请按消息 ID 选择 1 到 { $most } 条。
dashboard-unknown-items = 这些消息没有为本群保存：{ $ids }。
dashboard-bad-tag = 请写出要加上或去掉的标签。
dashboard-did-you-mean = 你是想说“{ $suggestion }”吗？
dashboard-bad-original = 请给出被重复的那条消息的 ID 或链接。
dashboard-bad-number = 这不是列表里的编号：请用显示的编号，例如 12。
dashboard-no-transcript = 抽奖 #{ $id } 还没有记录：开奖时才会公布。
dashboard-no-reason = 请写出原因（最多 200 个字）：粉丝会看到。
dashboard-bad-places = 请按结果中的名次选择要重抽的中奖者，例如 2 和 3。
dashboard-no-video = 本群没有视频 { $number }：视频列表里有全部视频。
dashboard-bad-language = 请选择 en（English）、zh（简体中文）或 zh-Hant（繁體中文）。
