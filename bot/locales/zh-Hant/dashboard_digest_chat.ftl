## 管理面板的設定 > 每日摘要：營運者摘要另外發往的群。

ui-digest-chat = 摘要另外發到這個群（你管理的其他群之一）
ui-digest-chat-none = 不發到其他群
