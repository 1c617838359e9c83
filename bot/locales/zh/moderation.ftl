## 运营工具：/warn、/mute、/ban、/unban、/report（handlers/moderation.py）。
## 拒绝提示不含 HTML：它们也会作为举报按钮下的弹窗显示。

mod-usage = 回复某人的消息发送 /{ $command }，或者写 /{ $command } @用户名{ $command ->
        [mute] {" "}1小时（也可以写 30分钟、2天、1h、30m）。
       *[other] 。
    }
mod-unknown = 我在本群还没见过 { $who }：请改为回复他的一条消息并发送命令。
mod-not-a-person = 这条消息是频道或以群组身份发出的，不是某个人。
mod-not-the-bot = 我不会对自己或其他机器人采取行动。
mod-caller-lacks-right = 只有群主或拥有“封禁用户”权限的管理员才能这样做（刚刚向 Telegram 核实过）。
mod-bot-lacks-right = 我需要本群的管理员权限“封禁用户”才能这样做。请把我设为拥有该权限的管理员，然后再试一次。
mod-not-an-admin = 这是本群的管理员：运营工具从不对管理员采取行动。
mod-not-banned = { $who } 在本群没有被封禁。
mod-telegram-refused = Telegram 拒绝了这个操作（对方可能已离开）。没有记录任何内容。
mod-warned = ⚠️ 已警告 { $who }（第 { $count } 次，共 { $limit } 次）。达到 { $limit } 次将被禁言。
mod-warned-muted = 🔇 { $who } 已达到 { $limit } 次警告，被禁言 { $minutes } 分钟。警告次数从 0 重新计算。
mod-muted = 🔇 { $who } 已被禁言 { $minutes } 分钟。
mod-banned = ⛔ { $who } 已被封禁。
mod-unbanned = ✅ { $who } 已解除封禁，可以重新加入。

mod-report-usage = 回复你想举报的消息并发送 /report。
mod-report-bot = 机器人的消息不能举报。
mod-report-self = 你不能举报自己的消息。
mod-report-admin = 群管理员的消息不在这里举报：请直接联系他们。
mod-report-filed = 谢谢：已通知运营人员。
mod-report =
    🚩 <b>{ $title } 的举报</b>
    { $reporter } 举报了 { $who } 的一条消息：<a href="{ $link }">打开</a>
    <blockquote>{ $excerpt }</blockquote>
mod-report-button = { $action ->
        [ban] ⛔ 封禁
        [mute] 🔇 禁言
       *[dismiss] ✖️ 驳回
    }
mod-report-decided = 这条举报已经处理过了。
mod-report-dismissed = ✖️ 关于 { $who } 的举报已驳回。
