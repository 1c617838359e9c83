# 从 /inbox 卡片把反馈关联到视频。

inbox-link-button = 🎬 关联到视频
inbox-link-which-feedback = 本页哪条反馈对应一个视频？（提出的粉丝会收到一次通知。）
inbox-link-which-video = 把“{ $text }”关联到哪个视频？（只列出最新的；较早的视频请回复那条消息发送 /link v12。）
inbox-link-back = ◀ 返回收件箱
inbox-link-done = 已关联到 { $code }：提出的粉丝会收到通知。
inbox-link-unchanged = 已经关联到 { $code }。
inbox-link-gone = 这条反馈或视频已不在本页：请重新打开 /inbox。
dashboard-bad-video = 请给出要关联的视频代码（例如 v12）。
