## The dashboard's Settings > digest: the chat the operators' digest also goes to.

ui-digest-chat = The digest also goes to this chat (one of your other groups)
ui-digest-chat-none = No other chat
