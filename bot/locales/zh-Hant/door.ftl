## 入群門檻：歡迎、群規、入群驗證、入群申請（handlers/door.py）。

door-names = { $names }{ $more ->
        [0] {""}
       *[other] 等另外 { $more } 人
    }
door-welcome =
    👋 歡迎 { $names } 加入 <b>{ $title }</b>！
    { $rules ->
        [yes] 請先看看群規：/rules
       *[no] 友善交流，玩得開心。
    }
    有想法給創作者團隊？傳送 <code>/feedback 你的想法</code>。查看關於你儲存了什麼：/mydata · 刪除：/forget
door-welcome-footer = 回饋：<code>/feedback 你的想法</code> · 查看關於你儲存了什麼：/mydata · 刪除：/forget

rules-none = 本群還沒有寫下群規。
rules-show =
    📜 <b>群規</b>
    { $rules }
rules-set-usage = 在指令後寫上群規（/rules_set 友善交流，禁止洗版。），或回覆一則寫有群規的訊息傳送 /rules_set。最多 { $limit } 個字元。
rules-set-done = <b>{ $title }</b> 的群規已儲存，任何人都可以用 /rules 查看。
welcome-set-usage = 在指令後寫上歡迎詞，或回覆一則訊息傳送 /welcome_set。預留位置：{"{"}name{"}"}（新成員）、{"{"}group{"}"}（本群）、{"{"}rules{"}"}（群規）。最多 { $limit } 個字元。
welcome-set-done = 從現在起，<b>{ $title }</b> 的新成員會看到你寫的歡迎詞。

door-rules-accept =
    { $name } 歡迎來到 <b>{ $title }</b>！發言之前，請閱讀並接受群規：
    { $rules }
door-button-accept = ✅ 我接受群規
door-button-human = 🙋 我是真人
door-button-answer = ✍️ 私訊回答
door-button-ask = { $name }，請在 { $minutes } 分鐘內點擊下面的按鈕，證明你是真人{ $request ->
        [true] ，你加入 <b>{ $title }</b> 的申請就會通過。
       *[false] 。在此之前你可以瀏覽 <b>{ $title }</b>，但不能發言。
    }
door-question-ask = { $name }，要{ $request ->
        [true] 加入
       *[false] 在
    } <b>{ $title }</b>{ $request ->
        [true] {""}
       *[false] 發言
    }，請在 { $minutes } 分鐘內回答這個問題：<b>{ $question }</b>
    { $request ->
        [true] 直接在這裡寫下答案即可。
       *[false] 回覆這則訊息寫下答案，或點按鈕私訊回答。
    }
door-question-private = <b>{ $title }</b> 的問題：<b>{ $question }</b>
    請在這裡寫下答案。
door-nothing-to-answer = 沒有等待你回答的問題：你可能已經進群了。

door-not-yours = 這個按鈕是給它歡迎的新成員的，不是給你的。
door-already-decided = 這次驗證已經結束了。
door-answer-instead = 請回答問題：在群裡回覆它，或者點「私訊回答」按鈕。
door-passed = ✅ 謝謝！現在你可以在 { $title } 發言了。
door-passed-rules-next = ✅ 謝謝！還有一步：接受 { $title } 的群規。
door-failed = ❌ 這不是 { $title } 期待的答案，{ $request ->
        [true] 所以你的入群申請被拒絕了。你可以再次申請。
       *[false] 所以你已被移出群（不是封鎖）：你可以重新加入再試一次。
    }
door-removed = { $why ->
        [time] ⌛ 你沒有及時完成 <b>{ $title }</b> 的入群驗證，
       *[wrong] ❌ 這不是 <b>{ $title }</b> 期待的答案，
    }{ $request ->
        [true] 所以你的入群申請被拒絕了。你可以再次申請。
       *[false] 所以你已被移出群（不是封鎖）：你可以重新加入再試一次。
    }

door-dry-would-check = 🧪 <b>{ $title }</b> 入群門檻試運行：{ $name }（id <code>{ $user_id }</code>）將被限制發言，直到{ $kind ->
        [rules] 接受群規
       *[human] 通過驗證
    }。實際上什麼也沒做。
door-dry-would-release = 🧪 <b>{ $title }</b> 入群門檻試運行：<code>{ $user_id }</code> 通過了驗證，將被允許發言。實際上什麼也沒做。
door-dry-would-remove = 🧪 <b>{ $title }</b> 入群門檻試運行：<code>{ $user_id }</code> { $why ->
        [time] 逾時未完成
       *[wrong] 回答錯誤
    }，將被移出群。實際上什麼也沒做。
door-dry-would-approve = 🧪 <b>{ $title }</b> 入群門檻試運行：<code>{ $user_id }</code> 的入群申請將被通過。實際上什麼也沒做。
door-dry-would-decline = 🧪 <b>{ $title }</b> 入群門檻試運行：<code>{ $user_id }</code> 的入群申請將被拒絕。實際上什麼也沒做。
door-spike = ⚠️ <b>{ $title }</b>：抽獎進行中，一分鐘內有 { $count } 個帳號加入。帳號：{ $accounts }

door-settings =
    🚪 <b>{ $title } 的入群門檻</b>
    歡迎詞：{ $welcome }（自訂：{ $custom }）· 已寫群規：{ $rules } · 必須接受群規：{ $rules_required }
    驗證：{ $check ->
        [button] 按鈕
        [question] 問題「{ $question }」（接受 { $answers } 個答案）
       *[off] 關閉
    } · 時限：{ $minutes } 分鐘 · 在其他群通過也算：{ $trust }
    試運行（只報告）：{ $dry_run } · 抽獎期間加強：{ $giveaway }（每分鐘 { $spike } 人加入算異常）
    禁言前的警告次數：{ $warns } · 禁言 { $mute } 分鐘
    修改：/door welcome off · /door check button · /door minutes 5 · /door dry_run on · /door_question 問題？| 答案 | 另一個答案
door-usage = 用法：/door &lt;設定&gt; &lt;值&gt;。可用設定：{ $names }。例如 /door check button 或 /door dry_run on。
door-changed = 已修改：{ $setting }。
door-question-done = 已儲存問題「{ $question }」，接受 { $count } 個答案。用 /door check question 啟用。
door-bad-switch = 「{ $typed }」不是開或關。請寫 on 或 off（開 / 關 也可以）。
door-question-missing = 請先寫好問題：/door_question 問題？| 答案 | 另一個答案
door-bad-number = 「{ $typed }」不是範圍內的數字：minutes 1–1440，warns 1–20，spike 2–1000。
door-bad-check = 「{ $typed }」不是一種驗證方式。請寫 off、button 或 question。
door-unknown-setting = 入群門檻沒有「{ $typed }」這項設定。可用設定：{ $names }。
door-question-usage = 用法：/door_question 新單曲叫什麼名字？| 答案 | 另一個答案（直線全形半形皆可）。
door-too-long = 太長了：問題最多 2000 個字元，答案最多 20 個。
door-bad-duration = 「{ $typed }」不是 30 秒到 366 天之間的時長。請寫 1h、30m、2d、1小時 或 30分鐘。
door-panel-switch = { $on ->
        [on] ✅
       *[off] ▫️
    } { $setting ->
        [welcome] 歡迎詞
        [rules_required] 必須接受群規
        [trust] 信任其他群
        [dry_run] 試運行
       *[giveaway] 抽獎期間加強
    }
door-panel-check = 🙋 驗證：{ $mode ->
        [button] 按鈕
        [question] 問題
       *[off] 關閉
    }
door-switch = { $on ->
        [on] 開
       *[off] 關
    }
