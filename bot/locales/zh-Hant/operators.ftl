## 角色、拒絕、私聊控制檯與操作日誌。

refused-role = 這需要你在 { $title } 擁有{ $required ->
        [analyst] 分析師
        [operator] 運營
       *[administrator] 管理員
    }角色，而你沒有。
refused-group-inactive = fanpulse 已不在那個群裡。請用 /groups 選擇其他群。
refused-foreign-sender = 這裡只有個人或本群的匿名管理員可以使用運營命令。
refused-group-only = /{ $command } 需要在群裡使用。
console-no-group = 請先用 /groups 選擇一個群。

start =
    你好！我是 <b>fanpulse</b>：收集粉絲反饋、發起投票和抽獎、傳送摘要。
    把我加入你的粉絲群，然後在這裡管理你運營的所有群：/groups
start-giveaway = 好的！如果你在抽獎 #{ $id } 中獎，我會在這裡告訴你。還沒參與的話，請回到群裡按「🎉 參與」。
help-private =
    <b>在私聊中使用 fanpulse</b>
    粉絲：/feedback 你的想法 — 把反饋交給創作者團隊；/mydata — 檢視關於你儲存的資料；/forget — 刪除它們
    <b>運營</b>（作用於用 /groups 選擇的群）：
    /status — 群的健康狀況 · /audit — 運營做過的更改
    /inbox #標籤 status:new 7d — 閱讀反饋 · /inbox_counts 7d · /export csv|json
    /tags、/tag_new、/tag_rename、/tag_delete、/tag_add、/tag_remove — 群的標籤 · /ask — 向粉絲提問
    /poll 問題？ | 選項 | 選項 --close 2h — 發起投票 · /polls · /poll_topics 7d
    /giveaway 3 2d 獎品 — 人人可驗證的抽獎 · /giveaways
    /video_add 連結 | 標題 — 登記影片，粉絲寫 #v1 · /videos · /video_announce v1
    /video_stats — 匯入平臺資料（作為 CSV/XLSX 檔案的說明）或單行錄入 · /video_template · /video v1 — 影片報告卡
    /digest — 今天到目前為止 · /digest_subscribe — 每天在 /digest_time 設定的時間收到摘要
    /grant operator @name、/revoke @name — 角色（管理員） · /retention 90d
    /language en、/language zh（簡體）或 /language zh-TW（繁體）— 你自己的語言
help-group =
    <b>fanpulse</b> 正在收集本群的反饋：用 /feedback 你的想法，或回覆它的提問。
    運營可用：/status、/inbox、/poll、/giveaway、/digest、/tags 和 /ask，也都可以在與我的私聊中完成：/groups

groups-none = 你還沒有用 fanpulse 運營任何群。把我加入一個群，或請群管理員授予你角色（/grant operator）。
groups-list = 你運營 { $count } 個群。選擇要管理的群：
groups-button = { $title }
groups-button-current = ✅ { $title }
groups-chosen = 正在管理 <b>{ $title }</b>（你的角色：{ $role ->
        [analyst] 分析師
        [operator] 運營
       *[administrator] 管理員
    }）。在這裡輸入的命令都作用於該群；用 /groups 切換。

grant-usage = 用法：回覆某人的訊息併傳送 /grant operator（或 analyst），或 /grant operator @使用者名稱，或 /grant analyst 123456789。
revoke-usage = 用法：回覆某人的訊息併傳送 /revoke，或 /revoke @使用者名稱，或 /revoke 123456789。
subject-not-a-person = 角色只能授予個人，不能授予頻道或群。
subject-is-a-bot = 不能給機器人授予角色。
subject-unknown = 我還沒見過 { $who }。請在群裡回覆對方的一則訊息並傳送這個指令，或在與我的私訊中用 /settings → 角色 從聯絡人裡選擇對方（對方不必發過言）。
grant-done = <b>{ $who }</b> 現在是 <b>{ $title }</b> 的{ $role ->
        [analyst] 分析師（只讀）
       *[operator] 運營
    }。
revoke-done = <b>{ $who }</b> 在 <b>{ $title }</b> 不再擁有 fanpulse 角色。
revoke-nothing = { $who } 在 <b>{ $title }</b> 本來就沒有 fanpulse 角色。

audit-title = <b>{ $title } 的操作日誌</b>（第 { $page } / { $pages } 頁）
audit-empty = 還沒有任何更改。
audit-anonymous-admin = 匿名管理員
audit-person = { $name }
audit-entry = { $when } · { $who } · { $action ->
        [role-granted] 授予 { $subject } { $detail ->
            [analyst] 分析師（唯讀）
           *[operator] 運營
        }角色
        [role-revoked] 收回了 { $subject } 的角色
        [role-ended] 終止了 { $subject } 的角色：{ $detail ->
            [kicked] 已被移出本群
           *[left] 已不在本群
        }
        [group-language-set] 將群語言設為{ $detail ->
            [en] 英語
            [zh-Hant] 繁體中文
           *[zh] 簡體中文
        }
        [group-timezone-set] 將時區設為：{ $detail }
        [digest-time-set] 將摘要時間設為 { $detail }
        [digest-chat-set] 將摘要傳送到聊天 { $detail }
        [digest-chat-cleared] 不再把摘要傳送到運營群
        [digest-days-set] 將日報傳送日設為 { $detail }（0 週一 … 6 週日）
        [action-undone] 復原了{ $head ->
            [tag-delete] 刪除標籤 #{ $tail }
            [tag-rename] 改名：標籤又叫 #{ $tail }
            [role-revoke] 收回 { $subject } 的角色
           *[retention] 縮短保留期：恢復為 { $tail } 天（0：不限）
        }
        [poll-created] 發起了投票 { $detail }
        [poll-closed] 結束了投票 { $detail }
        [poll-cancelled] 取消了投票 { $detail }
        [poll-deleted] 刪除了投票 { $detail }
        [giveaway-created] 發起了抽獎 { $detail }
        [giveaway-ended] 提前結束了抽獎 { $detail }
        [giveaway-cancelled] 取消了抽獎 { $detail }
        [giveaway-deleted] 刪除了抽獎 { $detail }
        [giveaway-rerolled] 補抽了抽獎 { $detail }
        [fan-forgotten] 代一位粉絲刪除了資料（{ $detail } 條評論）
        [retention-set] 將評論文字保留期設為 { $detail } 天（0：不限）
        [history-imported] 匯入了群的歷史記錄：{ $detail }
        [feedback-exported] 匯出了反饋（{ $detail }）
        [video-metrics-imported] 匯入了影片的平臺資料（新增+更新/拒絕行數：{ $detail }）
        [video-added] 登記了影片 { $detail }
        [video-edited] 修改了影片 { $detail }
        [video-archived] 歸檔了影片 { $detail }
        [video-unarchived] 恢復了影片 { $detail }
        [video-announced] 釋出了影片公告 { $detail }
        [video-linked] 把一條評論關聯到影片 { $detail }
        [video-unlinked] 取消了一條評論與影片的關聯 { $detail }
        [video-link-created] 產生了影片連結 { $detail }
        [video-link-renamed] 為影片連結改名：{ $detail }
        [video-link-revoked] 撤銷了影片連結 { $detail }
        [tag-created] 建立了標籤 #{ $head }（關鍵詞：{ $tail }）
        [tag-renamed] 把標籤 #{ $tail } 改名為 #{ $head }
        [tag-deleted] 刪除了標籤 #{ $head }
        [tag-terms-added] 給標籤 #{ $head } 新增了關鍵詞：{ $tail }
        [tag-terms-removed] 從標籤 #{ $head } 去掉了關鍵詞：{ $tail }
        [feedback-asked] 就 #{ $head } 向粉絲提問：{ $tail }
        [feedback-tagged] 給訊息 { $head } 打上了 #{ $tail }
        [feedback-untagged] 去掉了訊息 { $head } 的 #{ $tail }
        [feedback-status-set] 把訊息 { $head } 的狀態設為{ $tail ->
            [new] 新
            [triaged] 已分揀
            [planned] 已計劃
            [done] 已完成
           *[wontdo] 不做
        }
        [feedback-duplicate] 把訊息 { $head } 標為 { $tail } 的重複
        [door-set] 修改了入群門檻：{ $detail }
        [member-warned] 警告了 { $subject }（{ $detail }）
        [member-muted] 禁言 { $subject } { $detail }
        [member-banned] 封鎖了 { $subject }
        [member-unbanned] 解除封鎖 { $subject }
        [report-dismissed] 駁回了關於 { $subject } 的檢舉
        [spam-marked] 把 { $subject } 的一則訊息標記為垃圾訊息
        [spam-undone] 撤銷了對 { $subject } 的垃圾訊息處理
        [spam-banned] 因垃圾訊息封鎖了 { $subject }
        [spam-not-spam] 確認 { $subject } 發的不是垃圾訊息
       *[other] 做了更改（{ $action }）{ $subject } { $detail }
    }
audit-newer = ◀ 較新
audit-older = 較早 ▶

language-group-usage = 用法：/language en、/language zh（簡體）或 /language zh-TW（繁體）（設定本群的語言）。
language-group-set = 本群的 fanpulse 訊息將使用繁體中文。
language-private-usage = 用法：/language en、/language zh（簡體）或 /language zh-TW（繁體）。
language-private-set = 我會用繁體中文和你交流。
language-private-forgotten = 你要求我忘記你，所以連語言選擇我也不儲存：我會使用你的 Telegram 應用程式的語言。

timezone-current = { $title } 使用時區 <b>{ $timezone }</b>（當地現在是 { $now }）。修改：<code>/timezone 臺北</code>、<code>/timezone Asia/Taipei</code>、<code>/timezone 東京</code> 或 <code>/timezone UTC+8</code>。
timezone-set = { $title } 現在使用時區 <b>{ $timezone }</b>：日報、「今天」、最活躍時段和你輸入的時間都按它計算。下一份日報：{ $digest }（原本是 { $was }）。
timezone-deadline = 時刻不變：{ $kind ->
        [poll] 投票 #{ $number } 截止於
       *[giveaway] 抽獎 #{ $number } 截止於
    } { $when }。
timezone-unknown = 不認識時區「{ $typed }」。請寫城市（臺北、香港、東京）、IANA 名稱（Asia/Taipei）或時差（UTC+8）。
timezone-unknown-near = 不認識時區「{ $typed }」。你是想寫 { $suggestions } 嗎？
timezone-half-hour = 半小時的時差沒有對應的時區：請寫城市（例如 Asia/Kolkata）。
