# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = 未读取任何内容：读取这个文件需要超过 { $seconds } 秒，超出了此类文件应有的范围。请把它拆成几个较小的文件（或删去不需要的内容），再逐个发送。
import-over-budget = 未导入任何内容：通过 Telegram 发送的导出最多包含 { $messages } 条消息，解压后最多 { $size } MB。请改在服务器上运行这次导入：<code>{ $command }</code>
import-ahead = 有 { $ahead } 条消息未导入：它们的编号超过了机器人在 { $title } 中见到的最新消息，会占用尚未发送的消息的位置。粉丝真实发送的消息会在到来时保存。
