## Video links: /video_link, /video_links, and the funnel on the card, the digest and the chart

menu-video_link = An invite link for one video on one platform: /video_link v12 douyin
menu-video_links = The group's video links, how many joined through each; rename or revoke
video-invite-usage = Usage: <code>/video_link v12 douyin</code>: the video's code (from /videos) and the platform whose description gets the link.
video-invite-not-a-video = “{ $typed }” is not a video code. Write it as /videos shows it, e.g. <code>/video_link v12 douyin</code>.
video-invite-unknown-platform = “{ $typed }” is not a platform I know. Use one of: { $platforms } (or 抖音, B站, 小红书 …), e.g. <code>/video_link v12 douyin</code>.
video-invite-unknown-video = There is no video { $code } in this group: /videos lists them, /video_add registers one.
video-invite-empty-name = The name is empty. Reply with the new name (at most 32 characters).
video-invite-long-name = “{ $typed }” is longer than the 32 characters Telegram allows for a link's name. Reply with a shorter one.
video-invite-no-right = I can't manage invite links in this group. Make me an administrator with the “Invite users via link” right, then try again.
video-invite-made = 🔗 <b>{ $name }</b> for <b>{ $code }</b> { $title }:
    { $link }
    Paste it into the video's description on { $platform }. Everyone who joins through it is counted for { $code } on { $platform }: /video { $code } shows the funnel.
video-invite-exists = 🔗 <b>{ $code }</b> already has a link on { $platform }: <b>{ $name }</b>, { $joins ->
        [one] one person joined through it
       *[other] { $joins } people joined through it
    }.
    { $link }
video-links-none = No video links in { $title } yet. <code>/video_link v12 douyin</code> makes one for a video's description.
video-links-title = 🔗 <b>Video links of { $title }</b> ({ $count }):
video-links-line = <b>{ $name }</b> · { $code } { $title } · { $platform } · { $joins ->
        [one] 1 joined
       *[other] { $joins } joined
    }{ $revoked ->
        [no] {""}
       *[other] {" "}· revoked { $revoked }
    }
        { $link }
video-links-more = … and { $count } older links.
video-links-sources = Last { $days } days: { $total ->
        [one] 1 person joined
       *[other] { $total } people joined
    } — { $videos } through video links, { $others } through other links, { $none } without a link.
video-links-rename = ✏️ { $name }
video-links-revoke = ⛔ { $name }
video-links-revoke-question = Revoke <b>{ $name }</b>? Nobody can join through it any more and new joins stop counting. The { $joins ->
        [one] join
       *[other] { $joins } joins
    } so far stay in the video's funnel.
video-links-revoke-yes = Yes, revoke
video-links-back = Back
video-links-revoked = ⛔ Revoked <b>{ $name }</b>; its { $joins ->
        [one] join stays
       *[other] { $joins } joins stay
    } in the video's funnel.
video-links-gone = That link is no longer one this group can change (revoked, or not this group's). /video_links shows the current ones.
video-links-rename-ask = ✏️ Reply to this message with the new name for <b>{ $name }</b> (at most 32 characters).
video-links-renamed = ✏️ The link of { $code } is now called <b>{ $name }</b>.

## the funnel

video-funnel-title = <b>Where new fans came from</b> (through the video's links; their first 7 days):
video-funnel-line = <b>{ $platform }</b>: { $plays } plays → { $joins } joined ({ $rate } of plays) → { $stayed } of { $settled } stayed 7 days → { $wrote } wrote{ $settling ->
        [0] {""}
       *[other] {" "}· { $settling } still in their first week
    }
video-funnel-tags = ↳ what they wrote about: { $tags }
video-funnel-none = No video link yet: <code>/video_link { $code } douyin</code> makes one for the video's description.
video-funnel-chart-title = { $code } · { $title }: from plays to fans
video-funnel-chart-subtitle = Plays (imported) → joined through the link → stayed 7 days → wrote in their first week · bar lengths on a log scale
video-funnel-stage = { $stage ->
        [plays] Plays
        [joins] Joined
        [stayed] Stayed 7 days
       *[wrote] Wrote
    }
video-digest-funnel = ↳ { $joins } joined through its links ({ $platforms }) · { $stayed } stayed 7 days · { $wrote } wrote
video-digest-sources = <b>New members</b>: { $total } joined — { $videos } through video links, { $others } through other links, { $none } without a link.
