## 操作命令遇到資料庫鎖，等待逾時。

busy-try-again = fanpulse 現在很忙（資料庫被鎖定），未能完成 /{ $command }。請稍後再試。
