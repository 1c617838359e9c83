"""The operators' dashboard from the chat side: the services its API reads (bot/dashboard/)."""

from __future__ import annotations

from bot.services.overview import Overviews
from handlers.features import Built, Feature, Wiring


def build(wiring: Wiring) -> Built:
    overviews = Overviews(
        wiring.session_factory, wiring.directory, wiring.settings.default_timezone
    )
    return Built(services={"overviews": overviews})


FEATURE = Feature(name="dashboard", build=build)
