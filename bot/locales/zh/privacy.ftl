## 粉丝的数据：/mydata、/forget；运营：/forget_user、/retention。

menu-mydata = 以文件形式获取 fanpulse 存储的你的全部数据
menu-forget = 删除 fanpulse 存储的你的全部数据
menu-forget_user = 代粉丝删除数据：/forget_user @用户名 或 ID
menu-retention = 评论文字保留 N 天：/retention 90d 或 off

privacy-not-a-person = 只有本人才能索取自己的数据。
mydata-progress = 正在整理你的数据……已整理 { $count } 条评论。
mydata-caption = fanpulse 存储的你的全部数据：个人资料、{ $comments } 条评论及其标签，以及所有提到你的记录。
forget-ask = 这将删除 fanpulse 在所有群里存储的你的全部数据：评论、标签、投票、尚未开奖的抽奖报名和你的设置。已开奖的抽奖只保留你匿名的参与者编号，以便这些抽奖仍可验证。此后 fanpulse 只保留你的 Telegram ID，用来识别你、不再存储你，不保存你的其他任何内容：你的投票仍会计入，但不记名；你也不能再参与抽奖。此操作无法撤销。
forget-confirm-button = 删除我的数据
forget-cancel-button = 取消
forget-not-yours = 这个按钮属于别人。
forget-cancelled = 没有删除任何内容。
forget-done = 已完成：你的数据已删除（{ $comments } 条评论），fanpulse 不会再存储你的消息。
forget-user-usage = 用法：/forget_user @用户名 或数字 ID（或回复该粉丝的消息发送 /forget_user）。
forget-user-unknown = { $who } 没有在 { $title } 发过言，那里没有可删除的内容。
forget-user-ask = 代 { $who } 删除其在 { $title } 的数据？其在 { $title } 的评论及标签、投票、回应和尚未开奖的抽奖报名都将删除。其他群的数据不受影响：只有粉丝本人的 /forget 会作用于所有群。此操作无法撤销。
forget-user-done = 已完成：已删除该粉丝在 { $title } 的 { $comments } 条评论及其衍生数据。其他群不受影响。
forget-user-gone = 此人已没有可删除的数据。

retention-current = { $days ->
        [0] { $title } 的评论文字没有保留期限。用 /retention 90d 设置。
       *[other] { $title } 的评论文字保留 { $days } 天，更早的文字每天清除。
    }
retention-usage = 用法：/retention 90d（1 到 3650 天）或 /retention off。
retention-set = { $days ->
        [0] { $title } 的评论文字现在不设保留期限。
       *[other] { $title } 的评论文字现在保留 { $days } 天，更早的文字每天清除（计数和标签保留）。
    }
