## /settings：群設定面板。

menu-settings = 用按鈕管理群的所有設定
settings-panel =
    <b>{ $title } 的設定</b>
    語言：{ $language ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 簡體中文
    } · 時區：{ $timezone }
    日報：{ $time }（{ $timezone }），{ $days } · 同時發到：{ $chat }
    評論文字：{ $retention ->
        [0] 不限期保留
       *[other] 保留 { $retention } 天
    }
    標籤：{ $tags }
    角色：{ $roles }
    點按要修改的項目。
settings-role-holder = { $name }（{ $role ->
        [analyst] 分析員
       *[operator] 運營
    }）
settings-days-every = 每天
settings-days-weekdays = 週一至週五
weekday = { $day ->
        [0] 週一
        [1] 週二
        [2] 週三
        [3] 週四
        [4] 週五
        [5] 週六
       *[6] 週日
    }
settings-chat-none = 沒有運營群
settings-button = { $screen ->
        [lang] 🌐 語言
        [tz] 🕒 時區
        [time] ⏰ 日報時間
        [days] 📅 日報日期
        [chat] 📨 日報發到哪裡
        [ret] 🗑 保留期
        [tags] 🏷 標籤
        [door] 🚪 入群門檻
       *[roles] 👥 角色
    }
settings-back = ◀ 返回
settings-language-name = { $locale ->
        [en] English
        [zh-Hant] 繁體中文
       *[zh] 簡體中文
    }
settings-lang = 本群的語言是{ $current ->
        [en] 英語
        [zh-Hant] 繁體中文
       *[zh] 簡體中文
    }。選擇 fanpulse 在群裡使用的語言：
settings-tz = 本群使用 <b>{ $current }</b> 時區。點按一個時區，或輸入 <code>/timezone</code> 加城市名（臺北、東京）選擇其他時區。
settings-time = 日報在 <b>{ $current }</b>（{ $timezone }）傳送。點按一個時間，或輸入 <code>/digest_time 19:30</code> 設為其他時間。
settings-day = { $on ->
        [yes] ✅ { weekday }
       *[no] { weekday }
    }
settings-days = 每日日報在{ $current }傳送。點按某一天開啟或關閉（週報仍在週一）。
settings-days-none = 日報至少需要一天。不想再收到請用 /digest_unsubscribe。
settings-ret = { $days ->
        [0] 評論文字不限期保留。
       *[other] 超過 { $days } 天的評論文字每晚刪除。
    }選擇保留多久：
settings-retention-choice = { $days ->
        [off] 全部保留
       *[other] { $days } 天
    }
settings-tags = 本群的標籤：{ $tags }。
    點按一個標籤即可刪除（會先確認，10 分鐘內可復原），或用 /tag_new、/tag_rename、/tag_add 和 /tag_remove 修改。
settings-chat = 日報同時發到：<b>{ $current }</b>。
    不用任何 id 選擇運營群：在那個群裡傳送 /digest_chat{ $private ->
        [true] ，或點按「選擇群」並選取它。
       *[other] ，或在與我的私訊中開啟 /settings，從你的群裡選擇。
    }
settings-chat-pick = 📨 選擇群
settings-chat-stop = 不再發到那裡
settings-chat-picking = 點按下面的按鈕，選擇運營群（你必須是那個群的管理員，而且我在群裡）。
settings-done-lang = ✅ 本群現在使用繁體中文。
settings-done-time = ✅ 日報現在在 { $time }（{ $timezone }）傳送。
settings-done-days = ✅ 每日日報現在在{ $days }傳送。
settings-done-ret = { $days ->
        [0] ✅ 評論文字現在不限期保留。
       *[other] ✅ 超過 { $days } 天的評論文字將每晚刪除。
    }
settings-stale = 這個按鈕已過期：請重新開啟 /settings。
settings-roles = 擁有 fanpulse 角色的人：{ $holders }。
    { $private ->
        [true] 選擇某人即可授予角色（對方不必在群裡發過言），或在群裡回覆對方的訊息並傳送 /grant operator。用 /revoke 收回。
       *[other] 回覆某人的訊息並傳送 /grant operator 即可授予角色；要選擇從未發言的人，請在與我的私訊中開啟 /settings。用 /revoke 收回。
    }
settings-roles-pick = { $role ->
        [analyst] 👤 選擇分析員
       *[operator] 👤 選擇運營
    }
settings-roles-picking = 點按下面的按鈕，選擇成為{ $role ->
        [analyst] 分析員（唯讀）
       *[operator] 運營
    }的人。

digest-chat-here = 哪個群的日報要發到 <b>{ $chat }</b>？點按它：
digest-chat-here-none = 你沒有用 fanpulse 管理其他群，所以沒有日報可以傳送到這裡。請在你管理的群的運營群裡傳送 /digest_chat。

settings-tag-delete = 🗑 { $tag }
settings-revoke = ✖ 收回 { $name }
