## 操作命令遇到数据库锁，等待超时。

busy-try-again = fanpulse 现在很忙（数据库被锁定），未能完成 /{ $command }。请稍后再试。
