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
dashboard-bad-body = The request must be a JSON object.
dashboard-bad-limit = Ask for between 1 and { $most } items at a time.
dashboard-bad-cursor = That place in the list is not one the dashboard gave: reload the list from the top.
dashboard-bad-action = Choose one of these actions: { $allowed }.
dashboard-bad-items = Choose between 1 and { $most } items, by their message ids.
dashboard-unknown-items = These messages are not stored for this group: { $ids }.
dashboard-bad-tag = Name the tag to add or take off.
dashboard-did-you-mean = Did you mean “{ $suggestion }”?
dashboard-bad-original = Give the id or link of the message they repeat.
dashboard-bad-number = That is not a number from the list: use the number shown, such as 12.
dashboard-no-transcript = Giveaway #{ $id } has no transcript yet: it is published when the draw runs.
dashboard-no-reason = Write the reason (at most 200 characters): fans see it.
dashboard-bad-places = Choose the winners to draw again by their places in the result, such as 2 and 3.
dashboard-no-video = The group has no video { $number }: the registry lists them.
dashboard-bad-language = Choose en (English), zh (简体中文) or zh-Hant (繁體中文).
