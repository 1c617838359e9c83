## 命令選單（setMyCommands）：每個命令一條純文字說明，最多 256 個字元。

menu-start = 開始使用，瞭解 fanpulse 能做什麼
menu-help = 如何在這裡使用 fanpulse
menu-groups = 你運營的群：選擇要管理的群
menu-status = 群的健康狀況：許可權、隱私模式、活躍度
menu-audit = 運營在群裡做過的更改
menu-grant = 授予某人運營或分析師角色
menu-revoke = 收回某人的 fanpulse 角色
menu-language = 選擇語言（en、zh 或 zh-TW）
menu-timezone = 本群的時區（臺北、Asia/Taipei、UTC+8）
menu-door = 入群門檻：歡迎詞、群規、新成員驗證
menu-door_question = 新成員入群時要回答的問題
menu-welcome_set = 寫本群自己的歡迎詞
menu-rules_set = 寫本群的群規
menu-rules = 本群的群規
menu-warn = 警告成員（回覆或 @使用者名稱），警告夠次數自動禁言
menu-mute = 禁言成員：/mute 1小時（回覆或 @使用者名稱）
menu-ban = 封鎖成員（回覆或 @使用者名稱）
menu-unban = 解除封鎖（@使用者名稱）
menu-report = 向營運人員檢舉一則訊息（回覆它）
