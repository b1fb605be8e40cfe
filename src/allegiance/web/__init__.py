"""The web app: browse conflicts and claims, review claims, ingest articles; a JSON API beside.

``create_app(WebConfig.for_host(db, host, token))`` builds it; ``allegiance
serve`` runs it. Pages are rendered on the server (jinja2, everything
escaped); a little of our own JavaScript pans, zooms and redraws the
conflict graph. See ``web.security`` for the rules writes follow.
"""

from __future__ import annotations

from allegiance.web.app import ENDPOINTS, create_app
from allegiance.web.settings import SETTINGS, WebConfig

__all__ = ["ENDPOINTS", "SETTINGS", "WebConfig", "create_app"]
