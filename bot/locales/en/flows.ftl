# Guided flows in private chat (handlers/flow_steps.py): what every flow has alike.
flow-button-back = ◀ Back
flow-button-cancel = ✖ Cancel
flow-cancelled = Cancelled; nothing was kept. Start again with { $command }.
flow-expired = This flow was left alone for 30 minutes and expired; nothing was kept. Start again with { $command }.
flow-over = This flow is over. Start again with { $command }.
