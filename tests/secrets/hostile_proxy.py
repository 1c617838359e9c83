"""A Bot API address that breaks chosen methods the way a bad network or proxy does.

Broken requests are redirected to themselves until aiohttp gives up with TooManyRedirects, an
error whose text carries the request URL, `.../bot<TOKEN>/<method>`: the worst case for a leak.
Every other request is forwarded to the emulator unchanged.
"""

from __future__ import annotations

from collections import Counter
from types import TracebackType

from aiohttp import ClientSession, web

FILE_DOWNLOADS = "file"  # break_method(FILE_DOWNLOADS) breaks /file/bot<token>/<path>


class HostileProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.broken: set[str] = set()
        self.served: Counter[str] = Counter()
        self.url = ""
        self._runner: web.AppRunner | None = None
        self._client: ClientSession | None = None

    def break_method(self, method: str) -> None:
        self.broken.add(method.lower())

    def repair(self) -> None:
        self.broken.clear()

    async def __aenter__(self) -> HostileProxy:
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"
        self._client = ClientSession()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._client is not None:
            await self._client.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        self.served[method] += 1
        if method.lower() in self.broken:
            raise web.HTTPFound(request.rel_url)
        assert self._client is not None
        async with self._client.request(
            request.method,
            f"{self.upstream}{request.rel_url}",
            data=await request.read(),
            headers={"Content-Type": request.headers.get("Content-Type", "")},
        ) as answer:
            body = await answer.read()
            return web.Response(body=body, status=answer.status, content_type="application/json")

    async def _file(self, request: web.Request) -> web.StreamResponse:
        self.served[FILE_DOWNLOADS] += 1
        if FILE_DOWNLOADS in self.broken:
            raise web.HTTPFound(request.rel_url)
        raise web.HTTPNotFound()
