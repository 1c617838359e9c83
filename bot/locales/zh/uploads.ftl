# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = 未读取任何内容：读取这个文件需要超过 { $seconds } 秒，超出了此类文件应有的范围。请把它拆成几个较小的文件（或删去不需要的内容），再逐个发送。
