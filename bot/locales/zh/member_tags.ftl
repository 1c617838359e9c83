# 表彰：根据 fanpulse 的记录给粉丝设置 Telegram 成员标签（/member_tags）。
# 标签本身：最多 16 个字符，不能有表情（Telegram 的限制）。

menu-member_tags = 粉丝成员标签：/member_tags on、off，或设置有哪些标签
member-tag-winner = 抽奖赢家
member-tag-top = 反馈达人
member-tag-since = { $year }年老粉
member-tags-kind = { $kind ->
        [winner] 抽奖赢家
        [top] 反馈达人
       *[since] 老粉（首次出现的年份）
    }
member-tags-separator = {"、"}
member-tags-now = { $title } 的成员标签：<b>{ $enabled ->
        [true] 已开启
       *[false] 已关闭
    }</b>。现有标签：{ $kinds }。每天刷新一次：抽奖赢家、最近 30 天反馈最多的 10 位粉丝，其他粉丝标注首次出现的年份（今年之前）。用 /member_tags on、/member_tags off 或 /member_tags winner top since（三者任选）修改。
member-tags-bad-word = 看不懂“{ $word }”。请写 /member_tags on、/member_tags off，或应有的标签：winner、top、since（例如 /member_tags winner since）。
member-tags-right-missing = ⚠️ 我现在还不能设置成员标签：请把我设为管理员并开启“管理标签”权限，下次每日刷新时就会设置。
member-tags-right-missing-report = ⚠️ { $title } 的成员标签没有刷新：我需要管理员的“管理标签”权限。授予后，下次每日刷新就会设置；这条消息不会重复发送。
