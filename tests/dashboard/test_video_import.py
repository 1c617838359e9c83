"""Platform numbers uploaded from the dashboard: the same import and the same report as a file
sent with /video_stats, the template /video_template sends; a file that cannot be read, a
missing file or an analyst changes nothing."""

from __future__ import annotations

import csv
import io
from typing import Any

from aiohttp import FormData

from bot.dashboard.frame import plain
from bot.i18n import Translator
from tests.dashboard.support import Dashboard, login_for
from tests.support.cast import ADMIN, MEMBER, OTHER_ADMIN, OWNER, VICTIM
from tests.support.feedback import dump
from tests.support.scene import Scene
from tests.video_metrics.conftest import videos_scene  # noqa: F401
from tests.video_metrics.support import stored
from tests.video_metrics.test_import import DAY, GBK_FILE

EN = Translator.load().bind("en")
IMPORT = f"/app/api/groups/{VICTIM['id']}/videos/import"


async def upload(
    dashboard: Dashboard, person: dict[str, Any], content: bytes | None, query: str = ""
) -> tuple[int, Any]:
    form = FormData()
    if content is not None:
        form.add_field("file", content, filename="numbers.csv", content_type="text/csv")
    else:
        form.add_field("note", "no file here")
    response = await dashboard.client.post(
        IMPORT + query, data=form, headers={"Authorization": login_for(person)}
    )
    return response.status, await response.json()


async def test_an_uploaded_file_is_imported_with_the_chats_report(
    videos_scene: Scene,  # noqa: F811
    dashboard: Dashboard,
) -> None:
    status, answer = await upload(dashboard, ADMIN, GBK_FILE)
    assert status == 200, answer
    assert (answer["taken"], answer["updated"], answer["unchanged"], answer["refused"]) == (
        4,
        0,
        0,
        2,
    )
    refused = plain(EN("video-stats-refused-row", line=6, reason="unknown_video", column="video",
                       value="v9"))  # fmt: skip
    assert refused in answer["report"]
    assert answer["report"].startswith(
        plain(EN("video-stats-report", taken=4, updated=0, unchanged=0, refused=2))
    )
    assert (1, "douyin", DAY, 15_000, 950, 52, 101, 15) in await stored(videos_scene)
    status, again = await upload(dashboard, ADMIN, GBK_FILE)
    assert status == 200 and again["unchanged"] == 4 and again["taken"] == 0


async def test_a_bad_upload_or_a_refused_person_changes_nothing(
    videos_scene: Scene,  # noqa: F811
    dashboard: Dashboard,
) -> None:
    before = await dump(videos_scene.session_factory)
    status, refused = await upload(dashboard, ADMIN, b"\x00\x01 not a table")
    assert status == 400 and refused["message"].startswith("Nothing was imported")
    status, refused = await upload(dashboard, ADMIN, None)
    assert status == 400 and refused["error"] == "dashboard-no-file"
    await videos_scene.send(VICTIM, OWNER, "/grant analyst @max")
    status, refused = await upload(dashboard, MEMBER, GBK_FILE)
    assert status == 403 and refused["error"] == "refused-role"
    status, _ = await upload(dashboard, OTHER_ADMIN, GBK_FILE)
    assert status == 403
    after = await dump(videos_scene.session_factory)
    assert await stored(videos_scene) == []
    assert len(after) >= len(before)  # only the grant was stored


async def test_the_template_is_the_chats_file_in_the_readers_language(
    videos_scene: Scene,  # noqa: F811
    dashboard: Dashboard,
) -> None:
    response = await dashboard.get(ADMIN, f"/app/api/groups/{VICTIM['id']}/videos/template")
    assert response.status == 200 and response.content_type == "text/csv"
    content = await response.read()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert [EN.plain("video-stats-column", column="video")] in [row[:1] for row in rows]
    zh = await dashboard.get(OWNER, f"/app/api/groups/{VICTIM['id']}/videos/template")
    assert "UTF-8''" in zh.headers["Content-Disposition"]
    await videos_scene.send(VICTIM, OWNER, "/grant analyst @max")
    refused = await dashboard.get(MEMBER, f"/app/api/groups/{VICTIM['id']}/videos/template")
    assert refused.status == 403
