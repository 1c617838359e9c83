## 管理面板的設定 > 標籤：改名和編輯關鍵詞（bot/dashboard/tag_edits.py）。

dashboard-bad-tag-rename = 請寫出標籤和它的新名字，各一個詞，例如 idea 和 wish。
ui-tag-edit = 編輯
ui-tag-edit-name = 名稱
ui-tag-edit-terms = 匹配的關鍵詞，用逗號分隔；#詞 表示話題標籤
ui-tag-edit-save = 儲存標籤
ui-tag-edit-rename-confirm = 把標籤 #{ $tag } 改名為 #{ $name }？已打標的評論會隨之更新。
ui-tag-edit-saved = 標籤 #{ $tag } 已儲存。
