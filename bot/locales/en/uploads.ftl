# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = Nothing was read: this file needs more than { $seconds } seconds of work to read, more than any file of this kind should. Split it into smaller files (or remove what is not needed) and send them one at a time.
import-over-budget = Nothing was imported: through Telegram an export may hold at most { $messages } messages and unpack to at most { $size } MB. Run this import on the server instead: <code>{ $command }</code>
import-ahead = { $ahead } messages were left out: their ids are past the newest message the bot has seen in { $title }, so they would take the place of messages not sent yet. Fans' real messages are stored as they come.
