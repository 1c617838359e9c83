## 私訊中的分步 /giveaway：獎品、中獎人數、截止時間、規則，然後預覽。

giveaway-flow-in-group = 要分步建立抽獎，請私訊我並傳送 /giveaway。熟練使用者也可以在這裡直接用：<code>/giveaway 3 2h 簽名海報 | member</code>
giveaway-flow-ask-prize = 🎁 在 <b>{ $title }</b> 建立新抽獎。
    <b>第 1 步（共 4 步）：獎品。</b>請輸入中獎者獲得什麼（最多 { $max } 個字元）。
giveaway-flow-ask-winners = <b>第 2 步（共 4 步）：中獎人數？</b>點一個數字，或輸入 1 到 { $max } 之間的數字。
giveaway-flow-ask-end = <b>第 3 步（共 4 步）：何時截止報名？</b>點一個選項，或輸入時長（<code>2h</code>、<code>1d 12h</code>、<code>3天</code>）或日期時間（<code>2026-12-01 20:00</code>、<code>明天 20:00</code>），按 { $timezone } 時間。
giveaway-flow-ask-rules = <b>第 4 步（共 4 步）：誰可以參加？</b>點規則來開啟或關閉，然後點「預覽」。
giveaway-flow-ask-joined = 粉絲必須在哪一天之前入群？請輸入日期（<code>2026-11-01</code>、<code>11/01</code>、<code>11月1日</code>），或點「抽獎開始前」。
giveaway-flow-ask-comments = 多少天內發言多少則？請輸入兩個數字：<code>5/7</code> 表示最近 7 天內在群裡至少發言 5 則。
giveaway-flow-ask-channel = 粉絲必須訂閱哪個頻道？請輸入頻道的 @使用者名稱 或 t.me 連結。我必須是該頻道的管理員才能檢查。
giveaway-flow-keep = 保持不變 ▶️
giveaway-flow-which-group = 這個抽獎是哪個群的？
giveaway-flow-use-buttons = 這一步請點規則來開啟或關閉，然後點「預覽」。
giveaway-flow-so-far = 目前：
giveaway-flow-prize = 獎品：{ $prize }

giveaway-flow-end-hour = 1 小時後
giveaway-flow-end-day = 1 天後
giveaway-flow-end-tonight = 今晚 20:00
giveaway-flow-end-tomorrow = 明晚 20:00
giveaway-flow-joined-start = 抽獎開始前

giveaway-flow-toggle = { $on ->
        [yes] ✅
       *[other] ▫️
    } { $label }
giveaway-flow-rule-member = 開獎時仍在群內
giveaway-flow-rule-joined = 在某日前入群…
giveaway-flow-rule-joined-start = 抽獎開始前已入群
giveaway-flow-rule-joined-day = { $day } 前入群
giveaway-flow-rule-comments = D 天內發言 N 則…
giveaway-flow-rule-comments-set = { $days } 天內發言 { $count } 則
giveaway-flow-rule-channel = 訂閱頻道…
giveaway-flow-rule-channel-set = 已訂閱 { $channel }
giveaway-flow-rule-staff = 工作人員不可參加
giveaway-flow-preview-button = 預覽 ▶️

giveaway-flow-error = { $code ->
        [prize-empty] 獎品為空。請輸入中獎者獲得什麼，例如 <code>簽名海報</code>。
        [prize-long] 獎品太長：最多 { $detail } 個字元。請縮短後重新傳送。
        [prize-bar] 獎品中不能包含「|」。請換用其他分隔符號，例如「/」或「·」。
        [winners-not-number] 「{ $detail }」不是數字。請用數字輸入中獎人數，例如 <code>3</code>。
        [winners-range] 中獎人數必須在 1 到 { $max } 之間；你輸入的是 { $detail }。
        [end-past] 這個截止時間已經過去了。請輸入更晚的日期時間，或 <code>2h</code> 這樣的時長。
        [end-too-soon] 截止時間太近了：請至少給粉絲 10 秒。
        [end-too-far] 截止時間太遠了：最多 90 天。
        [joined-day] 無法辨識這個日期。請寫成 <code>2026-11-01</code>、<code>11/01</code> 或 <code>11月1日</code>。
        [joined-future] 這個日期在未來。抽獎開始前入群的粉絲請用「抽獎開始前」；或者輸入一個過去的日期。
        [comments-not-number] 請輸入兩個數字，先則數後天數：<code>5/7</code> 表示最近 7 天內至少發言 5 則。
        [comments-no-days] { $detail } 則發言，在多少天內？請輸入兩個數字，例如 <code>{ $detail }/7</code>。
        [comments-count] 發言則數至少為 1。
        [comments-days] 天數必須在 1 到 { $detail } 之間。
        [channel] 這不是頻道使用者名稱。請寫成 <code>@頻道</code> 或 <code>t.me/頻道</code>。
        [channel-unknown] 找不到頻道 { $detail }。請檢查它的 @使用者名稱 後重新輸入。
        [channel-no-bot] 我不是 { $detail } 的管理員，無法檢查誰已訂閱。請先把我新增為該頻道的管理員，然後重新輸入。
       *[end] 無法辨識這個截止時間。請點一個選項，或輸入時長（<code>2h</code>、<code>1d 12h</code>）或日期時間（<code>2026-12-01 20:00</code>、<code>明天 20:00</code>）。
    }

giveaway-rule-joined-day = • 在 { $day } 之前已入群
giveaway-reason-joined-day = 在 { $day } 當天或之後才入群
