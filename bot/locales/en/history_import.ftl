## History import: an operator sends the group's Telegram Desktop export in private chat.

import-reading = Reading the export for { $title }…
import-too-big = This file is { $size } MB: a bot can download at most { $limit } MB from Telegram. Run the same import on the server instead: <code>{ $command }</code>
import-refused = Nothing was imported: { $code ->
        [not_json] this is not a JSON file. Send result.json from Telegram Desktop's export (format: JSON), or the zipped export folder.
        [truncated] the file ends too early (an interrupted download or copy?). Export it again.
        [not_an_export] this is not a chat export from Telegram Desktop.
        [account_export] this is a whole-account export. Export only this group's chat history.
        [html_export] this export is in HTML. Export again and choose the JSON format.
        [not_a_group] this export is not of a group.
        [damaged_zip] the zip archive is damaged. Zip the export folder again.
        [encrypted_zip] the zip archive is encrypted. Send it without a password.
        [unsafe_zip] the zip archive has unsafe entries (absolute paths, .. or links).
        [ambiguous_export] the zip holds several exports. Send one chat's export only.
        [zip_bomb] the zip archive unpacks to far more than it holds and was refused.
        [too_large] the export is larger than the bot accepts.
        [too_deep] the JSON nests far deeper than any export does. Export the chat again.
        [download_failed] the file could not be downloaded from Telegram. Send it again in a moment.
       *[other] the file cannot be read.
    }
import-other-chat = Nothing was imported: this is the export of “{ $name }”, not of { $title }. Choose the group with /groups first, or send that group's export.
import-progress = Importing… { $done } of { $total } messages stored.
import-done = { $title }: { $new } new, { $already } already stored ({ $messages } messages in the export, { $first } to { $last }).{ $forgotten ->
        [0] {""}
       *[other] {" "}{ $forgotten } messages of people who asked to be forgotten were left out.
    }
