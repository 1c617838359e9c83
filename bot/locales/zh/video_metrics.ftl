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
       *[other] { $reason }
    }
video-stats-more-refused = ……另有 { $count } 行被拒绝：完整列表见下方文件。
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
