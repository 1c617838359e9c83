## 收件箱的文字搜尋：短詞在哪些留言中查找。

inbox-short-text = 少於 3 個字的詞只在最新的 { $window } 條留言中查找：輸入 3 個字或以上可搜尋全部留言。

## /inbox_counts 的時段內留言多於它讀取的條數。

inbox-counts-newest = 以上按此時段最新的 { $window } 條留言統計：選擇更短的時段可得到完整數字。
