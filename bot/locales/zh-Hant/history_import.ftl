## 歷史匯入：運營在私聊中傳送群的 Telegram Desktop 匯出檔案。

import-reading = 正在讀取 { $title } 的匯出檔案…
import-too-big = 這個檔案有 { $size } MB：機器人最多僅能從 Telegram 下載 { $limit } MB。請在伺服器上執行同樣的匯入：<code>{ $command }</code>
import-refused = 未匯入任何內容：{ $code ->
        [not_json] 這不是 JSON 檔案。請傳送 Telegram Desktop 匯出的 result.json（格式：JSON），或壓縮後的匯出資料夾。
        [truncated] 檔案提前結束（下載或複製中斷？）。請重新匯出。
        [not_an_export] 這不是 Telegram Desktop 的聊天匯出。
        [account_export] 這是整個賬號的匯出。請只匯出這個群的聊天記錄。
        [html_export] 這是 HTML 格式的匯出。請重新匯出並選擇 JSON 格式。
        [not_a_group] 這個匯出不是群聊的。
        [damaged_zip] zip 壓縮包已損壞。請重新壓縮匯出資料夾。
        [encrypted_zip] zip 壓縮包已加密。請傳送無密碼的壓縮包。
        [unsafe_zip] zip 壓縮包含有不安全的條目（絕對路徑、.. 或連結）。
        [ambiguous_export] zip 中有多個匯出。請只傳送一個聊天的匯出。
        [zip_bomb] zip 壓縮包解壓後遠大於其本身，已拒絕。
        [too_large] 匯出檔案超過了機器人接受的大小。
        [too_deep] 該 JSON 的巢狀層級遠超任何匯出檔案。請重新匯出聊天記錄。
        [download_failed] 無法從 Telegram 下載該檔案。請稍後重新傳送。
       *[other] 無法讀取該檔案。
    }
import-other-chat = 未匯入任何內容：這是“{ $name }”的匯出，不是 { $title } 的。請先用 /groups 選擇群，或傳送該群的匯出。
import-progress = 正在匯入… 已儲存 { $done } / { $total } 條訊息。
import-done = { $title }：新增 { $new } 條，{ $already } 條此前已儲存（匯出檔案共 { $messages } 條訊息，{ $first } 至 { $last }）。{ $forgotten ->
        [0] {""}
       *[other] 已跳過 { $forgotten } 條要求被遺忘的人的訊息。
    }
