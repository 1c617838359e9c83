## 仪表盘的设置 > 标签：改名和编辑关键词（bot/dashboard/tag_edits.py）。

dashboard-bad-tag-rename = 请写出标签和它的新名字，各一个词，例如 idea 和 wish。
ui-tag-edit = 编辑
ui-tag-edit-name = 名称
ui-tag-edit-terms = 匹配的关键词，用逗号分隔；#词 表示话题标签
ui-tag-edit-save = 保存标签
ui-tag-edit-rename-confirm = 把标签 #{ $tag } 改名为 #{ $name }？已打标的评论会随之更新。
ui-tag-edit-saved = 标签 #{ $tag } 已保存。
