# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = 未讀取任何內容：讀取這個檔案需要超過 { $seconds } 秒，超出了此類檔案應有的範圍。請把它拆成幾個較小的檔案（或刪去不需要的內容），再逐個傳送。
import-over-budget = 未匯入任何內容：透過 Telegram 傳送的匯出最多包含 { $messages } 則訊息，解壓縮後最多 { $size } MB。請改在伺服器上執行這次匯入：<code>{ $command }</code>
import-ahead = 有 { $ahead } 則訊息未匯入：它們的編號超過了機器人在 { $title } 中見到的最新訊息，會佔用尚未傳送的訊息的位置。粉絲真實傳送的訊息會在到來時儲存。
