## 仪表盘的设置 > 每日摘要：运营者摘要另外发往的群。

ui-digest-chat = 摘要另外发到这个群（你管理的其他群之一）
ui-digest-chat-none = 不发到其他群
