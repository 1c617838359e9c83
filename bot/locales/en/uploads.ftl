# Files anyone can send: what the bot says when one is more work than any file may be.
upload-over-budget = Nothing was read: this file needs more than { $seconds } seconds of work to read, more than any file of this kind should. Split it into smaller files (or remove what is not needed) and send them one at a time.
