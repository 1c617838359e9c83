## 收件箱的文字搜索：短词在哪些留言中查找。

inbox-short-text = 少于 3 个字的词只在最新的 { $window } 条留言中查找：输入 3 个字或以上可搜索全部留言。

## /inbox_counts 的时段内留言多于它读取的条数。

inbox-counts-newest = 以上按此时段最新的 { $window } 条留言统计：选择更短的时段可得到完整数字。
