# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = 未讀取任何內容：讀取這個檔案需要超過 { $seconds } 秒，超出了此類檔案應有的範圍。請把它拆成幾個較小的檔案（或刪去不需要的內容），再逐個傳送。
