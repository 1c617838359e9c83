# 「你點的，我們做了」：告訴粉絲他們提的要求已經有了回應（/notices）。

menu-notices = 你提的要求做出來時通知你：/notices on 或 off
ask-notice-private-video = 🎬 你在 { $group } 點的，我們做了：<b>{ $title }</b>（{ $code }）
ask-notice-private-done = ✅ 你在 { $group } 提的要求已完成。
ask-notice-link = { $url }
ask-notice-you-asked = 你當時說：「{ $ask }」
ask-notice-turn-off = <i>傳送 /notices off 不再接收這類訊息。</i>
ask-notice-group-title = 🎬 <b>你們點的，我們做了</b>
ask-notice-group-video = <b>{ $title }</b>（{ $code }），點播的有：{ $people }
ask-notice-group-done = ✅ 已完成，提出的有：{ $people }
ask-notice-separator = 、
ask-notices-not-a-person = 只有本人才能設定通知：請用自己的身分傳送，不要以頻道或群組的身分。
ask-notices-now = 你提的要求做出來時的通知：<b>{ $enabled ->
        [true] 開
       *[false] 關
    }</b>。用 /notices on 或 /notices off 修改。
ask-notices-set = 你提的要求做出來時的通知已<b>{ $enabled ->
        [true] 開啟
       *[false] 關閉
    }</b>，對所有群組有效。
ask-notices-bad-choice = 「{ $value }」既不是 on 也不是 off。請傳送 /notices on 或 /notices off。
ask-notice-digest = 閉環：回應了 <b>{ $count }</b> 個要求；從提出到回應的中位時間：{ $wait }
ask-notice-wait-minutes = { $count } 分鐘
ask-notice-wait-hours = { $count } 小時
ask-notice-wait-days = { $count } 天
digest-section-name-loops = 閉環
video-link-poll-open = 這個投票還沒有勝出選項：請先結束它（/poll_close），再用 /link v12 回覆它。
video-link-poll-done = 已把投票的勝出選項（{ $winners }）關聯到 { $code }：{ $fans ->
        [0] 沒有可通知的投票者（匿名投票不會告訴我們是誰投的）。
       *[other] 將通知 { $fans } 位投票者。
    }
