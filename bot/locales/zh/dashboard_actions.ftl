## 仪表盘的操作（bot/dashboard/*_creation.py、设置与上传接口）：表单被拒时 API 的说明。

dashboard-poll-quiz-correct = 测验需要正确答案：请从选项中选一个。
