# 私聊中的分步创建（handlers/flow_steps.py）：各流程共用的文字。
flow-button-back = ◀ 返回
flow-button-cancel = ✖ 取消
flow-cancelled = 已取消，未保留任何内容。用 { $command } 重新开始。
flow-expired = 此流程闲置 30 分钟，已过期，未保留任何内容。用 { $command } 重新开始。
flow-over = 此流程已结束。用 { $command } 重新开始。
