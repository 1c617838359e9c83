## Video platform numbers: files and typed lines in, the video report card, the digest section.

menu-video_stats = Import platform numbers: a CSV/XLSX file with this caption, or /video_stats v12 plays=12000
menu-video_template = The platform-numbers file to fill in
menu-video = A video's report card: numbers per platform and the fans' feedback: /video v12

video-stats-prompt = Send the platform numbers as a CSV or XLSX file (at most { $limit } MB) with the caption /video_stats, or in private chat as a plain document. /video_template gives the file to fill in. One row by hand: <code>/video_stats v12 bilibili 2026-11-27 plays=12000 likes=800 comments=40 favourites=90 shares=12</code>. The numbers are cumulative totals as of that day, as the platforms export them.
video-stats-line-error = { $code ->
        [unknown_word] I do not know “{ $word }”: write a platform, a day (2026-11-27) or name=value with plays, likes, comments, favourites or shares.
       *[usage] Usage: <code>/video_stats v12 [platform] [day] plays=12000 likes=800 …</code> (the video first, then at least one number).
    }
video-stats-file-error = Nothing was imported: { $code ->
        [empty] the file is empty.
        [unreadable] the file cannot be read as CSV or XLSX (damaged, or not a spreadsheet).
        [xls] this is an old Excel .xls file. Save it as .xlsx or CSV and send it again.
        [too_large] the file is larger than { $limit } MB or 200,000 rows. Split it and send the parts.
        [long_field] a cell of the CSV is longer than 128 KiB, which no platform number needs. Check the file (an unclosed quote often causes this) and send it again.
        [download] the file could not be downloaded from Telegram. Send it again in a moment.
        [no_header] no header row names the columns (video, date, plays…). Start from /video_template.
        [missing_column] the file needs a video column, a date column and at least one number column. Start from /video_template.
       *[other] the file cannot be read.
    }
video-stats-report = <b>Platform numbers imported</b> (cumulative totals per day)
    New: { $taken } · updated: { $updated } · unchanged: { $unchanged } · refused: { $refused }
video-stats-refused-row = line { $line }: { $reason ->
        [unknown_video] unknown video
        [negative] negative number
        [not_a_number] not a number
        [bad_date] bad date
        [duplicate] the same video, platform and day again
        [unknown_platform] unknown platform
        [missing_value] empty cell
        [formula] a formula, not a value
        [decreasing] a cumulative total lower than another day's
       *[other] { $reason }
    } ({ $column }: { $value })
video-stats-reason = { $reason ->
        [unknown_video] unknown video
        [negative] negative number
        [not_a_number] not a number
        [bad_date] bad date
        [duplicate] the same video, platform and day again
        [unknown_platform] unknown platform
        [missing_value] empty cell
        [formula] a formula, not a value
        [decreasing] a cumulative total lower than another day's
       *[other] { $reason }
    }
video-stats-more-refused = … and { $count } more refused rows: the full list is in the file below.
video-stats-written-row = ✓ { $video } · { $platform } · { $day }: { $plays } plays · { $likes } likes · { $comments } comments · { $favourites } favourites · { $shares } shares
video-stats-more-written = … and { $count } more rows stored.
video-stats-confirm-hint = A cumulative total does not go down: check the number, or add <code>--confirm</code> to the same command if the platform really corrected it.
video-stats-flag-error = There is no --{ $flag } option here: the only one is <code>--confirm</code> (store a total that goes down).
video-stats-refused-header = { $column ->
        [line] line
        [reason] reason
        [column] column
       *[value] value
    }
video-stats-column = { $column ->
        [video] video
        [platform] platform
        [date] date
        [plays] plays
        [likes] likes
        [comments] comments
        [favourites] favourites
       *[shares] shares
    }
video-stats-template-note = Cumulative totals as of each day (as the platforms export them). video: v12, a link or the platform's id; platform: douyin, kuaishou, bilibili, youtube, tiktok, xiaohongshu, weixin (empty: the video's own); date: 2026-11-27.
video-stats-template-name = video-numbers-template.csv
video-stats-template-caption = Fill in one row per video, platform and day, then send the file back with the caption /video_stats.

video-report-usage = Usage: <code>/video v12</code> (the video's code from /videos).
video-report-unknown = There is no video { $code } in this group: /videos lists them.
video-report-title = <b>{ $code } · { $title }</b>
video-report-as-of = Cumulative totals, latest snapshot per platform (up to { $day }):
video-report-no-numbers = No platform numbers yet: send them with /video_stats.
video-report-numbers = { $plays } plays · { $likes } likes · { $comments } comments · { $favourites } favourites · { $shares } shares
video-report-total = <b>All platforms</b>: { $numbers } · engagement { $engagement }
video-report-total-change = Change since the previous snapshots: { $plays } plays · { $likes } likes · { $comments } comments · { $favourites } favourites · { $shares } shares
video-report-platform = <b>{ $platform }</b> ({ $day }): { $numbers } · engagement { $engagement }
video-report-platform-change = ↳ since { $previous }: { $plays } plays · { $likes } likes · { $comments } comments · { $favourites } favourites · { $shares } shares
video-report-platform-first = ↳ first snapshot: no change yet
video-report-feedback = <b>Fans' feedback</b>: { $volume } { $volume ->
        [one] comment
       *[other] comments
    } · positive { $positive } · neutral { $neutral } · negative { $negative }
video-report-no-feedback = <b>Fans' feedback</b>: no comments linked yet (a fan writes #{ $code }, or replies to the video's announcement).
video-report-tags = Top tags: { $tags }
video-report-quote = “{ $quote }”
video-report-chart-title = { $code } · { $title }
video-report-chart-subtitle = Plays per platform (cumulative) · engagement rate
video-report-platform-name = { $platform ->
        [douyin] Douyin
        [kuaishou] Kuaishou
        [bilibili] Bilibili
        [youtube] YouTube
        [tiktok] TikTok
        [xiaohongshu] Xiaohongshu
        [weixin] WeChat Channels
       *[other] Other
    }
video-report-mood = { $mood ->
        [positive] mostly positive
        [negative] mostly negative
       *[neutral] mixed or neutral
    }
digest-section-name-videos = Videos
video-digest-line = <b>{ $code }</b> { $title }: { $plays } plays ({ $change }) · engagement { $engagement } · { $volume } { $volume ->
        [one] comment
       *[other] comments
    }, { $mood }
video-digest-no-change = no change
video-digest-change = { $plays } since { $previous }
