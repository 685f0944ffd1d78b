"""``tidings serve``: the HTTP API (FastAPI) and the offline dashboard over an event store.

    from tidings.serve.app import create_app
    app = create_app("tidings.duckdb")          # then: uvicorn.run(app, host="127.0.0.1")

Requests read the store through READ-ONLY connections (``tidings.serve.reader.StoreReader``:
one shared connection while nobody writes, a connection per request while ``tidings ingest``
runs in another process, waiting up to ``lock_wait`` seconds for its batch), so the ingest can
write and new events show without a restart (docs/store.md, "Reading while ingest runs").  Bad request values get 422 naming the
parameter; a store locked too long gets 503 with ``Retry-After``; nothing a client sends gives
a 500.  The API is described by OpenAPI at ``/openapi.json`` (docs/serve.md).
"""
from __future__ import annotations

import asyncio
import threading
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Optional

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from tidings.serve.article import get_article
from tidings.serve.limits import BodyLimit, SecurityHeaders
from tidings.serve.queries import EventFilter, ParamError, get_event, list_events, list_places
from tidings.serve.reader import StoreReader
from tidings.store.access import StoreBusy, StoreError

STATIC = Path(str(resources.files("tidings.serve").joinpath("static")))
MAX_BODY = 2 * 1024 * 1024
CODE_TIMEOUT = 30.0


@dataclass
class Settings:
    """What one app serves: the store ``db`` (path), the seconds a request waits for a store
    lock (``lock_wait``), the ``POST /code`` limits (``max_body`` bytes, ``code_timeout``
    seconds) and the coder (built at start-up when None)."""

    db: Path
    lock_wait: float = 10.0
    max_body: int = MAX_BODY
    code_timeout: float = CODE_TIMEOUT
    coder: Any = None


@contextmanager
def reading(request: Request) -> Iterator[Any]:
    """A read-only connection for one request (tidings.serve.reader.StoreReader); 503 when
    another process holds the store's lock too long or the store cannot be opened."""
    try:
        with request.app.state.reader.cursor() as con:
            yield con
    except StoreBusy as exc:
        raise HTTPException(503, detail=str(exc), headers={"Retry-After": "2"}) from None
    except StoreError as exc:
        raise HTTPException(503, detail=str(exc)) from None


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _lookup(request: Request, query: Any, key: str, what: str) -> dict:
    """``query(con, key)`` on a read-only connection; 404 naming ``what`` when it finds nothing."""
    with reading(request) as con:
        found = query(con, key)
    if found is None:
        raise HTTPException(404, detail=f"no {what} with id {key[:80]!r}")
    return found


router = APIRouter()

# One description per filter, shared by /events, /stats and /places (shown in the OpenAPI schema).
_F = {
    "since": "First event date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.",
    "until": "Last event date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD (2024-03 keeps all of March).",
    "country": "ISO 3166-1 alpha-3 codes (comma list): actor, recipient or place country.",
    "actor_country": "ISO3 code among the actor countries.",
    "recipient_country": "ISO3 code among the recipient countries.",
    "dyad": "ACTOR-RECIPIENT country codes, e.g. RUS-UKR.",
    "type": "PLOVER event types (comma list), e.g. ASSAULT,COERCE.",
    "quad_class": "QuadClass values (comma list): 1 verbal cooperation, 2 material cooperation, "
                  "3 verbal conflict, 4 material conflict.",
    "modality": "Modalities (comma list): asserted, claimed, negated, hypothetical, future.",
    "language": "ISO 639-1 language of the article, e.g. es.",
    "q": "Text that must occur (case-insensitive) in an evidence sentence or trigger of the event.",
}


def _filter(since: Optional[str] = Query(None, description=_F["since"]),
            until: Optional[str] = Query(None, description=_F["until"]),
            country: Optional[str] = Query(None, description=_F["country"]),
            actor_country: Optional[str] = Query(None, description=_F["actor_country"]),
            recipient_country: Optional[str] = Query(None, description=_F["recipient_country"]),
            dyad: Optional[str] = Query(None, description=_F["dyad"]),
            type: Optional[str] = Query(None, description=_F["type"]),
            quad_class: Optional[str] = Query(None, description=_F["quad_class"]),
            modality: Optional[str] = Query(None, description=_F["modality"]),
            language: Optional[str] = Query(None, description=_F["language"]),
            q: Optional[str] = Query(None, description=_F["q"])) -> EventFilter:
    return EventFilter(since=since, until=until, country=country, actor_country=actor_country,
                       recipient_country=recipient_country, dyad=dyad, type=type, quad_class=quad_class,
                       modality=modality, language=language, q=q)


@router.get("/events", tags=["events"], summary="Deduplicated events, filtered, sorted and paged")
def events(request: Request, flt: EventFilter = Depends(_filter),
           sort: str = Query("-date", description="date | goldstein | confidence | mentions | type | id; "
                                                  "prefix - for descending"),
           limit: int = Query(50, description="Events per page, 1..500."),
           offset: int = Query(0, description="Events to skip, 0..1000000.")) -> dict:
    """``{"total": matching events, "limit", "offset", "events": [flat event rows]}``."""
    with reading(request) as con:
        return list_events(con, flt, sort=sort, limit=limit, offset=offset)


@router.get("/events/{event_id}", tags=["events"], summary="One event with every mention and its evidence")
def event(request: Request, event_id: str) -> dict:
    """The event record (with counts and mentions) and each mention's sentence, trigger span
    (offsets into the article body) and article.  404 for an unknown id."""
    return _lookup(request, get_event, event_id[:200], "event")


@router.get("/articles/{doc_id:path}", tags=["articles"], summary="An article's text and evidence spans")
def article(request: Request, doc_id: str) -> dict:
    """The cleaned text with the character spans (``[start, end)``) of triggers, actors,
    recipients, places and dates, and the events coded in it.  404 for an unknown id."""
    return _lookup(request, get_article, doc_id[:2000], "article")


@router.get("/stats", tags=["stats"], summary="Aggregates as `tidings stats`")
def stats(request: Request, flt: EventFilter = Depends(_filter),
          by: str = Query("type", description="type | country (actor country) | dyad (actor->recipient countries)"),
          freq: str = Query("month", description="day | week (ISO, by Monday) | month | year")) -> dict:
    """``{"by", "freq", "rows": [{period, key, events, mentions, goldstein_sum, goldstein_mean,
    quad1_share .. quad4_share}]}``, as ``tidings stats`` computes them."""
    from tidings.store.stats import STATS_COLUMNS, StatsError, stats_query

    try:
        sql, params = stats_query(by=by, freq=freq, flt=flt)
    except StatsError as exc:  # "unknown --by 'x'; choose one of ..."
        raise ParamError("by" if "--by" in str(exc) else "freq", "unknown value " + str(exc).split(" ", 2)[2]) from None
    with reading(request) as con:
        rows = [dict(zip(STATS_COLUMNS, r)) for r in con.execute(sql, params).fetchall()]
    return {"by": by, "freq": freq, "rows": rows}


@router.get("/places", tags=["events"], summary="Event places with coordinates and counts")
def places(request: Request, flt: EventFilter = Depends(_filter),
           limit: int = Query(2000, ge=1, le=10000, description="Places to return, most events first.")) -> dict:
    """``{"places": [{name, country, lat, lon, events, goldstein_mean}]}`` for the map."""
    with reading(request) as con:
        return {"places": list_places(con, flt, limit)}


@router.get("/summary", tags=["stats"], summary="Store size and date range")
def summary(request: Request) -> dict:
    """Counts of articles, events and mentions and the first and last event date."""
    with reading(request) as con:
        n_art = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_ev, first, last = con.execute("SELECT count(*), min(date), max(date) FROM events").fetchone()
        n_men = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return {"articles": n_art, "events": n_ev, "mentions": n_men, "first_date": first, "last_date": last}


class CodeRequest(BaseModel):
    """A document to code: exactly one of ``text`` and ``html``; optional URL, publication
    date (ISO, the base for relative dates) and ISO 639-1 language hint."""

    text: Optional[str] = Field(None, description="Plain text of the article.")
    html: Optional[str] = Field(None, description="HTML of the page (cleaned as `tidings code page.html`).")
    url: Optional[str] = Field(None, max_length=2000)
    published: Optional[str] = Field(None, max_length=64, description="Publication date, ISO 8601.")
    lang: Optional[str] = Field(None, max_length=3, description="ISO 639-1 code; detected when absent.")


@router.post("/code", tags=["code"], summary="Code a text or HTML page; nothing is stored")
async def code(request: Request, body: CodeRequest) -> dict:
    """``{"article": Article.to_dict(), "events": [Event.to_dict()]}`` through the one
    document loop (``tidings.run.code_one``).  413 for a body over the size limit, 422 for a
    bad document (empty, both or neither of text/html, bad lang or date, or coding longer than
    the time limit), 503 while another request is being coded for longer than that limit."""
    from tidings.read import ReadError, check_options
    from tidings.records import RawDocument
    from tidings.run import code_one

    settings = _settings(request)
    if (body.text is None) == (body.html is None):
        raise ParamError("body", "give exactly one of 'text' and 'html'")
    try:
        check_options(body.lang, body.published)
    except ReadError as exc:
        raise ParamError("lang" if "--lang" in str(exc) else "published", str(exc).split(": ", 1)[-1]) from None
    raw = RawDocument("posted", text=body.text, html=body.html, url=body.url, published=body.published,
                      lang=body.lang.lower() if body.lang else None, source="request body")
    lock: threading.Lock = request.app.state.code_lock
    limit = settings.code_timeout

    def work() -> Any:
        if not lock.acquire(timeout=limit):
            return None
        try:
            return code_one(request.app.state.coder, raw)
        finally:
            lock.release()

    try:
        res = await asyncio.wait_for(run_in_threadpool(work), timeout=limit)
    except asyncio.TimeoutError:
        raise HTTPException(422, detail=f"coding this document took longer than the limit of {limit:g} s; "
                                        "send a shorter text") from None
    if res is None:
        raise HTTPException(503, detail="the coder is busy with another document; retry", headers={"Retry-After": "5"})
    if not res.ok:
        raise HTTPException(422, detail=res.error)
    return {"article": res.article.to_dict(), "events": [e.to_dict() for e in res.events]}


def _param_error(request: Request, exc: ParamError) -> JSONResponse:
    return JSONResponse({"detail": str(exc), "parameter": exc.param}, status_code=422)


def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errs = exc.errors()
    first = errs[0] if errs else {}
    loc = [x for x in first.get("loc", ()) if isinstance(x, str) and x not in ("query", "path", "body")]
    name = ".".join(loc) or "body"  # a body that is not JSON has the location ("body", offset)
    return JSONResponse({"detail": f"parameter {name!r}: {first.get('msg', 'invalid value')}",
                         "parameter": name}, status_code=422)


def create_app(db: str | Path, *, coder: Any = None, lock_wait: float = 10.0, max_body: int = MAX_BODY,
               code_timeout: float = CODE_TIMEOUT, cors_origins: list[str] | None = None) -> FastAPI:
    """The FastAPI app serving the store ``db`` (opened read-only per request).

    ``coder``: a ``tidings.pipeline.Coder`` for ``POST /code`` (None: one is built at
    start-up and reused).  ``max_body``: bytes a request body may have (413 beyond);
    ``code_timeout``: seconds one ``POST /code`` may take (422 beyond).  ``cors_origins``:
    origins allowed by CORS (None: no CORS headers at all)."""
    settings = Settings(Path(db), lock_wait=lock_wait, max_body=max_body, code_timeout=code_timeout, coder=coder)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.coder is None:
            from tidings.pipeline import Coder

            app.state.coder = await run_in_threadpool(Coder)
        app.state.reader.start()
        try:
            yield
        finally:
            app.state.reader.stop()

    app = FastAPI(title="tidings", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political event data (PLOVER/CAMEO) from an event store made by `tidings ingest`: "
                              "events, evidence, aggregates, and coding of posted texts. See docs/serve.md.")
    app.state.settings = settings
    app.state.reader = StoreReader(settings.db, wait=lock_wait)
    app.state.coder = coder
    app.state.code_lock = threading.Lock()
    app.include_router(router)
    app.add_exception_handler(ParamError, _param_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"])
    return app
