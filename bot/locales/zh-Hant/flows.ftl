# 私聊中的分步建立（handlers/flow_steps.py）：各流程共用的文字。
flow-button-back = ◀ 返回
flow-button-cancel = ✖ 取消
flow-cancelled = 已取消，未保留任何內容。用 { $command } 重新開始。
flow-expired = 此流程閒置 30 分鐘，已過期，未保留任何內容。用 { $command } 重新開始。
flow-over = 此流程已結束。用 { $command } 重新開始。
