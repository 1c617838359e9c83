# Linking feedback to a video from an /inbox card.

inbox-link-button = 🎬 Link to a video
inbox-link-which-feedback = Which feedback on this page goes with a video? (The fans who asked are told once.)
inbox-link-which-video = Link “{ $text }” to which video? (The newest are listed; for an older one reply to the message with /link v12.)
inbox-link-back = ◀ Back to the inbox
inbox-link-done = Linked to { $code }: the fans who asked will be told.
inbox-link-unchanged = Already linked to { $code }.
inbox-link-gone = That feedback or video is no longer on this page: open /inbox again.
dashboard-bad-video = Give the video to link to, as its code (for example v12).
