"""The application factory: the JSON API under /api, the pages at /, static files at /static."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import metadata, resources

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from whereas.api import docs, ingest, people, records, search
from whereas.api.errors import install_error_handlers
from whereas.api.middleware import ConditionalGet, RateLimit, SecurityHeaders
from whereas.api.review import install_curation
from whereas.config import WebSettings, load_settings, load_web_settings
from whereas.store import Store
from whereas.views.common import EP_NOTICE, EP_TERMS_URL


def _api_router(settings: WebSettings) -> APIRouter:
    api = APIRouter(prefix="/api")
    for module in (docs, records, people, search):
        api.include_router(module.router)
    if settings.api_token:
        api.include_router(ingest.router)
    return api


def create_app(
    database_url: str | None = None,
    *,
    store: Store | None = None,
    settings: WebSettings | None = None,
) -> FastAPI:
    """The whole site over the store at `database_url` (or an open `store`, left open)."""
    from whereas.web.errors import html_error
    from whereas.web.pages import router as pages_router

    settings = settings or load_web_settings()
    owned = store is None
    opened = store or Store.open(load_settings(database_url).database_url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="whereas API",
        version=metadata.version("whereas"),
        description=f"European Parliament human-rights resolutions, end to end. {EP_NOTICE}",
        license_info={"name": "EP legal notice (reuse with acknowledgement)", "url": EP_TERMS_URL},
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = opened
    app.state.settings = settings
    app.include_router(_api_router(settings))
    app.include_router(pages_router)
    static = resources.files("whereas.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    install_curation(app)  # sign-in, review API and pages (issue 12)
    install_error_handlers(app, html_error)
    app.add_middleware(ConditionalGet)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"],
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["If-None-Match"],
        expose_headers=["ETag", "Retry-After", "Link"],
    )
    app.add_middleware(RateLimit, limit=settings.rate_limit, window=settings.rate_window_seconds)
    return app
