## 儀錶板的操作（bot/dashboard/*_creation.py、設定與上傳介面）：表單被拒時 API 的說明。

dashboard-poll-quiz-correct = 測驗需要正確答案：請從選項中選一個。
