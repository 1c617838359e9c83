## 视频平台数据：导入文件或单行命令、视频报告卡、摘要中的视频部分。

menu-video_stats = 导入平台数据：以此为说明发送 CSV/XLSX 文件，或 /video_stats v12 播放量=12000
menu-video_template = 平台数据的填写模板
menu-video = 视频报告卡：各平台数据与粉丝反馈：/video v12

video-stats-prompt = 请以 CSV 或 XLSX 文件（不超过 { $limit } MB）发送平台数据，并附上说明 /video_stats；在私聊中也可以直接发送文件。/video_template 提供填写模板。手动录入一行：<code>/video_stats v12 B站 2026-11-27 播放量=12000 点赞=800 评论=40 收藏=90 分享=12</code>。数据是截至当天的累计值，与各平台导出的一致。
video-stats-line-error = { $code ->
        [unknown_word] 无法识别“{ $word }”：请写平台、日期（2026-11-27）或 名称=数值（播放量、点赞、评论、收藏、分享）。
       *[usage] 用法：<code>/video_stats v12 [平台] [日期] 播放量=12000 点赞=800 …</code>（先写视频，再至少写一个数值）。
    }
video-stats-file-error = 未导入任何数据：{ $code ->
        [empty] 文件是空的。
        [unreadable] 无法以 CSV 或 XLSX 读取此文件（已损坏，或不是表格）。
        [xls] 这是旧版 Excel .xls 文件。请另存为 .xlsx 或 CSV 后再发送。
        [too_large] 文件超过 { $limit } MB 或 200,000 行。请拆分后分别发送。
        [long_field] CSV 中有一个单元格超过 128 KiB，平台数据不会这么长。请检查文件（常见原因是引号没有闭合）后重新发送。
        [download] 无法从 Telegram 下载该文件。请稍后重新发送。
        [no_header] 没有找到列名所在的表头行（视频、日期、播放量……）。请使用 /video_template 的模板。
        [missing_column] 文件需要视频列、日期列和至少一个数值列。请使用 /video_template 的模板。
       *[other] 无法读取此文件。
    }
video-stats-report = <b>平台数据已导入</b>（每天的累计值）
    新增：{ $taken } · 更新：{ $updated } · 未变：{ $unchanged } · 拒绝：{ $refused }
video-stats-refused-row = 第 { $line } 行：{ $reason ->
        [unknown_video] 未知视频
        [negative] 负数
        [not_a_number] 不是数字
        [bad_date] 日期无效
        [duplicate] 同一视频、平台和日期重复
        [unknown_platform] 未知平台
        [missing_value] 单元格为空
        [formula] 是公式而不是数值
        [decreasing] 累计总数比其他日期的还小
       *[other] { $reason }
    }（{ $column }：{ $value }）
video-stats-reason = { $reason ->
        [unknown_video] 未知视频
        [negative] 负数
        [not_a_number] 不是数字
        [bad_date] 日期无效
        [duplicate] 同一视频、平台和日期重复
        [unknown_platform] 未知平台
        [missing_value] 单元格为空
        [formula] 是公式而不是数值
        [decreasing] 累计总数比其他日期的还小
       *[other] { $reason }
    }
video-stats-more-refused = ……另有 { $count } 行被拒绝：完整列表见下方文件。
video-stats-written-row = ✓ { $video } · { $platform } · { $day }：播放 { $plays } · 点赞 { $likes } · 评论 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-stats-more-written = ……另有 { $count } 行已保存。
video-stats-confirm-hint = 累计总数不会减少：请检查数字；如果平台确实修正了数据，请在同一条命令后加上 <code>--confirm</code>。
video-stats-flag-error = 这里没有 --{ $flag } 选项：只有 <code>--confirm</code>（保存减少的总数）。
video-stats-refused-header = { $column ->
        [line] 行号
        [reason] 原因
        [column] 列
       *[value] 内容
    }
video-stats-column = { $column ->
        [video] 视频编号
        [platform] 平台
        [date] 日期
        [plays] 播放量
        [likes] 点赞
        [comments] 评论
        [favourites] 收藏
       *[shares] 分享
    }
video-stats-template-note = 填写截至每天的累计值（与各平台导出的一致）。视频编号：v12、链接或平台上的作品 ID；平台：抖音、快手、B站、YouTube、TikTok、小红书、视频号（留空即视频登记的平台）；日期：2026-11-27。
video-stats-template-name = video-numbers-template.csv
video-stats-template-caption = 每个视频、平台和日期填写一行，然后以说明 /video_stats 发回文件。

video-report-usage = 用法：<code>/video v12</code>（视频编号见 /videos）。
video-report-unknown = 本群没有视频 { $code }：用 /videos 查看列表。
video-report-title = <b>{ $code } · { $title }</b>
video-report-as-of = 累计值，每个平台取最新快照（截至 { $day }）：
video-report-no-numbers = 还没有平台数据：用 /video_stats 发送。
video-report-numbers = 播放 { $plays } · 点赞 { $likes } · 评论 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-total = <b>全部平台</b>：{ $numbers } · 互动率 { $engagement }
video-report-total-change = 与上一次快照相比：播放 { $plays } · 点赞 { $likes } · 评论 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-platform = <b>{ $platform }</b>（{ $day }）：{ $numbers } · 互动率 { $engagement }
video-report-platform-change = ↳ 自 { $previous } 起：播放 { $plays } · 点赞 { $likes } · 评论 { $comments } · 收藏 { $favourites } · 分享 { $shares }
video-report-platform-first = ↳ 第一次快照：暂无变化
video-report-feedback = <b>粉丝反馈</b>：{ $volume } 条评论 · 正面 { $positive } · 中性 { $neutral } · 负面 { $negative }
video-report-no-feedback = <b>粉丝反馈</b>：还没有关联的评论（粉丝写 #{ $code }，或回复视频的公告）。
video-report-tags = 热门标签：{ $tags }
video-report-quote = “{ $quote }”
video-report-chart-title = { $code } · { $title }
video-report-chart-subtitle = 各平台播放量（累计）· 互动率
video-report-platform-name = { $platform ->
        [douyin] 抖音
        [kuaishou] 快手
        [bilibili] B站
        [youtube] YouTube
        [tiktok] TikTok
        [xiaohongshu] 小红书
        [weixin] 视频号
       *[other] 其他
    }
video-report-mood = { $mood ->
        [positive] 以正面为主
        [negative] 以负面为主
       *[neutral] 褒贬不一或中性
    }
digest-section-name-videos = 视频
video-digest-line = <b>{ $code }</b> { $title }：播放 { $plays }（{ $change }）· 互动率 { $engagement } · { $volume } 条评论，{ $mood }
video-digest-no-change = 无变化
video-digest-change = 自 { $previous } 起 { $plays }
