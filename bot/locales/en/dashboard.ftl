## The operators' dashboard (bot/dashboard/): what its API answers when it refuses.

dashboard-login-missing = Open the dashboard from Telegram: the bot's menu button or /dashboard in a private chat with the bot.
dashboard-login-invalid = This login was not signed by Telegram for this bot. Close the dashboard and open it again from the bot's menu button.
dashboard-login-expired = This login has expired. Close the dashboard and open it again from the bot's menu button.
dashboard-login-no-user = Telegram did not say who you are. Open the dashboard from the bot's menu button or /dashboard in a private chat with the bot.
dashboard-rate-limited = Too many requests at once. Wait a moment and try again.
dashboard-not-found = The dashboard has no such page.
dashboard-failed = Something went wrong on the bot's side. Try again in a moment.
dashboard-bad-group = That is not a group id: group ids are whole numbers such as -1001234567890.
dashboard-bad-days = The period must be one of { $allowed } days.
