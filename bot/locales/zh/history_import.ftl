## 历史导入：运营在私聊中发送群的 Telegram Desktop 导出文件。

import-reading = 正在读取 { $title } 的导出文件…
import-too-big = 这个文件有 { $size } MB：机器人最多只能从 Telegram 下载 { $limit } MB。请在服务器上运行同样的导入：<code>{ $command }</code>
import-refused = 未导入任何内容：{ $code ->
        [not_json] 这不是 JSON 文件。请发送 Telegram Desktop 导出的 result.json（格式：JSON），或压缩后的导出文件夹。
        [truncated] 文件提前结束（下载或复制中断？）。请重新导出。
        [not_an_export] 这不是 Telegram Desktop 的聊天导出。
        [account_export] 这是整个账号的导出。请只导出这个群的聊天记录。
        [html_export] 这是 HTML 格式的导出。请重新导出并选择 JSON 格式。
        [not_a_group] 这个导出不是群聊的。
        [damaged_zip] zip 压缩包已损坏。请重新压缩导出文件夹。
        [encrypted_zip] zip 压缩包已加密。请发送无密码的压缩包。
        [unsafe_zip] zip 压缩包含有不安全的条目（绝对路径、.. 或链接）。
        [ambiguous_export] zip 中有多个导出。请只发送一个聊天的导出。
        [zip_bomb] zip 压缩包解压后远大于其本身，已拒绝。
        [too_large] 导出文件超过了机器人接受的大小。
        [too_deep] 该 JSON 的嵌套层级远超任何导出文件。请重新导出聊天记录。
        [download_failed] 无法从 Telegram 下载该文件。请稍后重新发送。
       *[other] 无法读取该文件。
    }
import-other-chat = 未导入任何内容：这是“{ $name }”的导出，不是 { $title } 的。请先用 /groups 选择群，或发送该群的导出。
import-progress = 正在导入… 已存储 { $done } / { $total } 条消息。
import-done = { $title }：新增 { $new } 条，{ $already } 条此前已存储（导出文件共 { $messages } 条消息，{ $first } 至 { $last }）。{ $forgotten ->
        [0] {""}
       *[other] 已跳过 { $forgotten } 条要求被遗忘的人的消息。
    }
