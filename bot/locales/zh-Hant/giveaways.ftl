## 抽獎：建立、參與按鈕、開獎與證明、管理。

menu-giveaway = 發起抽獎（只發 /giveaway：分步建立）
menu-giveaways = 本群的抽獎
menu-giveaway_end = 立即結束抽獎並開獎
menu-giveaway_cancel = 取消抽獎（需寫原因）
menu-giveaway_reroll = 補抽中獎者（需寫原因）

giveaway-enter-button = 🎉 參與
giveaway-start-button = 🔔 中獎時私訊通知我
giveaway-enter-done = 你已參與抽獎 #{ $id }，祝你好運！想在中獎時收到通知，請先按公告下的 🔔 按鈕啟動我。
giveaway-enter-already = 你已經參與過了。
giveaway-enter-closed = 這個抽獎已經結束。
giveaway-enter-not-person = 只有真人可以參與：機器人、頻道和匿名管理員不行。
giveaway-enter-retry = Telegram 沒有及時回應，請再按一次。
giveaway-enter-unmet = 你暫時不能參與：{ $reason }。
giveaway-enter-forgotten = 你要求我忘記你，所以我不會儲存你的參與記錄，也就無法參與抽獎。

giveaway-announce-title = 🎁 <b>抽獎 #{ $id }</b>：{ $prize }
giveaway-announce-winners = 中獎人數：<b>{ $count }</b>
giveaway-announce-ends = 截止：{ $when }
giveaway-announce-rules = 規則：
giveaway-announce-entrants = 參與人數：<b>{ $count }</b>
giveaway-announce-commitment = 種子承諾（SHA-256）：<code>{ $commitment }</code>
giveaway-announce-beacon = 公開隨機數：{ $url } 的信標輪次 { $round }
giveaway-announce-closed = <i>已停止參與。</i>
giveaway-announce-cancelled = <i>已取消：{ $reason }</i>

giveaway-rule-none = • 群裡所有人都可以參與
giveaway-rule-member = • 開獎時仍是群成員
giveaway-rule-joined = • 在抽獎開始前已入群
giveaway-rule-comments = • 最近 { $days } 天在群裡發言至少 { $count } 條
giveaway-rule-channel = • 已訂閱 { $channel }
giveaway-rule-staff = • 發起人、群管理員和營運人員不能參與

giveaway-reason = { $code ->
        [left-group] 不是群成員
        [joined-after-start] 在抽獎開始後才入群
        [too-few-comments] 最近 { $days } 天在群裡發言少於 { $count } 條
        [not-subscribed] 沒有訂閱 { $channel }
        [staff] 發起人、管理員和營運人員不能參與
       *[other] { $code }
    }

giveaway-result-title = 🎉 <b>抽獎 #{ $id } 結果</b>：{ $prize }
giveaway-reroll-title = 🔁 <b>抽獎 #{ $id } 第 { $number } 次補抽</b>：{ $prize }（原因：{ $reason }）
giveaway-reroll-replaces = 替換：
giveaway-reroll-replaced = • { $mention }
giveaway-result-winners = 中獎者（{ $entrants } 人參與，{ $count } 人中獎）：
giveaway-result-winner = { $rank }. { $mention }
giveaway-result-none = { $entrants } 位參與者中沒有符合條件的人：無人中獎。
giveaway-result-skipped = 開獎時跳過：
giveaway-result-skip = • 第 { $position } 位 <code>{ $entrant }</code>：{ $reason }
giveaway-result-proof = 公開的種子：<code>{ $seed }</code>
    承諾：<code>{ $commitment }</code>
    參與名單摘要：<code>{ $entrant_digest }</code>
    記錄摘要：<code>{ $digest }</code>
giveaway-result-verify = 用附帶的記錄檔案自己驗證：<code>python -m bot verify transcript.json --check-entrant 你的使用者ID</code>（或只需 Python 的獨立指令碼 <code>fairness.py</code>）。
giveaway-transcript-caption = 開獎記錄（摘要 <code>{ $digest }</code>）
giveaway-check-button = 🔍 檢視我的參與
giveaway-check-not-entered = 抽獎 #{ $id } 的開獎中沒有你的參與記錄。
giveaway-check-won = 抽獎 #{ $id }：你的參與者編號是 { $entrant }，你中獎了，是第 { $place } 位中獎者！
giveaway-check-replaced = 抽獎 #{ $id }：你的參與者編號是 { $entrant }；你曾被抽中，之後在補抽中被替換。
giveaway-check-skipped = 抽獎 #{ $id }：你的參與者編號是 { $entrant }；抽到你時被跳過：{ $reason }。
giveaway-check-not-drawn = 抽獎 #{ $id }：你的參與者編號是 { $entrant }；這次沒有抽中你。

giveaway-you-won = 🎉 你在 { $title } 的抽獎 #{ $id } 中獎了：<b>{ $prize }</b>。組織者會聯絡你。
giveaway-creator-drawn = { $title } 的抽獎 #{ $id }（{ $prize }）已開獎：{ $entrants } 人參與，{ $winners } 人中獎。記錄摘要 <code>{ $digest }</code>。
giveaway-creator-winner = { $rank }. { $mention }
giveaway-creator-untold-one = • { $mention }
giveaway-creator-more = ……還有 { $count } 人，請檢視群裡的開獎結果。
giveaway-creator-untold = 以下中獎者無法收到私訊（從未啟動機器人或已將其封鎖），請自行聯絡他們：
giveaway-creator-all-told = 所有中獎者都已收到私訊通知。
giveaway-created = 抽獎 #{ $id } 已在 { $title } 釋出。種子承諾：<code>{ $commitment }</code>

giveaway-error = { $code ->
        [winners] 中獎人數必須在 1 到 { $max } 之間。
        [order] 先寫中獎人數，再寫截止時間：<code>/giveaway 1 2h 簽名海報</code>。
        [prize] 獎品描述太長（最多 { $detail } 個字元）。
        [rules] 無法識別的規則“{ $detail }”。可用規則：member、joined（或 joined:2026-11-01）、comments:N/D、channel:@頻道。
        [end] 看不懂截止時間。請寫時長（2h、1d 12h、3天）或本地日期時間（2026-12-01 20:00、明天 20:00）。
        [end-past] 這個截止時間已經過去了。請寫一個之後的時間，或寫時長。
        [end-too-soon] 截止時間太近了：至少給粉絲 10 秒。
        [end-too-far] 截止時間太遠了：最多 90 天。
        [channel-unknown] 找不到頻道 { $detail }，請檢查它的 @使用者名稱。
        [channel-no-bot] 我不是 { $detail } 的管理員，無法檢視誰訂閱了。請把我加為該頻道的管理員後再試。
        [beacon] 公開隨機數信標暫時無法訪問，請一分鐘後再試。
       *[usage] 用法：/giveaway 人數 截止 獎品 | 規則，例如 <code>/giveaway 3 2h 簽名海報 | member comments:5/7</code>；或在私訊中只發 /giveaway，分步建立。
    }

giveaway-list-empty = { $title } 還沒有抽獎。
giveaway-list-title = <b>{ $title } 的抽獎</b>
giveaway-list-line = #{ $id } · { $prize } · { $status ->
        [open] 進行中
        [drawing] 開獎中
        [drawn] 已開獎
        [done] 已開獎
        [cancelled] 已取消
        [deleted] 已刪除
       *[other] { $status }
    } · { $entrants } 人參與 · { $winners } 個名額 · 截止 { $when }

giveaway-end-usage = 用法：/giveaway_end 編號
giveaway-not-open = 本群沒有進行中的抽獎 #{ $id }。
giveaway-ended = 抽獎 #{ $id } 已停止參與，現在開獎。
giveaway-cancel-usage = 用法：/giveaway_cancel 編號 原因
giveaway-cancel-no-reason = 缺少取消原因：粉絲會看到它。<code>/giveaway_cancel { $id } 獎品沒有到貨</code>
giveaway-cancelled = 抽獎 #{ $id } 已取消。
giveaway-cancelled-notice = 抽獎 #{ $id } 已取消：{ $reason }
giveaway-reroll-usage = 用法：/giveaway_reroll 編號 中獎者序號… 原因，序號為開獎結果中的編號（例如 /giveaway_reroll 3 #2 一直沒有回覆）。
giveaway-reroll-refused = { $code ->
        [nobody-left] 抽獎 #{ $id }：已沒有符合條件的參與者可抽。
        [too-many] 抽獎 #{ $id }：補抽人數不能超過獎品的中獎名額。
        [no-such-winner] 抽獎 #{ $id } 沒有這個序號的中獎者：請使用開獎結果中的序號。
        [busy] 抽獎 #{ $id } 剛剛有變化，請再試一次。
       *[not-drawn] 本群的抽獎 #{ $id } 還沒有開獎。
    }
giveaway-rerolled = 抽獎 #{ $id }：已為 { $replaced } 位中獎者補抽 { $count } 位並公佈（摘要 <code>{ $digest }</code>）。

giveaway-digest-created = 🎁 #{ $id } { $prize }：已開始，目前 { $entrants } 人參與
giveaway-digest-drawn = 🎉 #{ $id } { $prize }：已開獎，{ $entrants } 人參與，{ $winners } 人中獎
