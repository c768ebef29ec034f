"""The REST API (JSON under /api/v1) over the store, read-only; `create_app` also mounts the dashboard.

Each request opens the store read-only and closes it when the response is sent, so requests never share a SQLite
connection and the server never holds the file open between them (an ingest can run beside it).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, Optional

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from marsad.errors import StoreError
from marsad.serve import views
from marsad.serve.views import ReadOnlyStore

DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # a year, a month or a day, like the dates in the record
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "validation_error",
         500: "internal_error", 503: "store_unavailable"}

router = APIRouter(prefix="/api/v1")


def open_store(request: Request) -> Iterator[ReadOnlyStore]:
    """One read-only connection for the request, closed after it."""
    st = ReadOnlyStore(request.app.state.db)
    try:
        yield st
    finally:
        st.close()


StoreDep = Annotated[ReadOnlyStore, Depends(open_store)]
Limit = Annotated[int, Query(ge=1, le=500, description="how many items to return")]
Offset = Annotated[int, Query(ge=0, description="how many matching items to skip")]
From = Annotated[Optional[str], Query(alias="from", pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD")]
To = Annotated[Optional[str], Query(alias="to", pattern=DAY, description="YYYY, YYYY-MM or YYYY-MM-DD, inclusive")]


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(404, f"no {what} with id {key!r}")


def _page(total: int, items: list, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/summary", summary="What the store holds")
def summary(st: StoreDep,
            top: Annotated[int, Query(ge=1, le=100, description="how many top entities")] = 12) -> dict[str, Any]:
    """Counts, the most named entities, events by type and by day, and the publication dates covered."""
    return views.summary_data(st, top=top)


@router.get("/documents", summary="Analysed documents")
def documents(st: StoreDep, q: Optional[str] = Query(None, description="words in the title or text (Arabic folded)"),
              outlet: Optional[str] = Query(None, description="the outlet's name, exactly as stored"),
              date_from: From = None, date_to: To = None,
              entity: Optional[str] = Query(None, description="a catalogue id, e.g. per:sergey_lavrov"),
              story: Optional[str] = Query(None, description="a story id"), limit: Limit = 50, offset: Offset = 0,
              fields: Literal["summary", "full"] = Query("summary", description="full: with the whole text")
              ) -> dict[str, Any]:
    """Analysis records, newest first; without `fields=full` the text is replaced by a `snippet`."""
    total, items = views.document_rows(st, q=q, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity,
                                       story=story, limit=limit, offset=offset, full=fields == "full")
    return _page(total, items, limit, offset)


@router.get("/documents/{doc_id}", summary="One analysis record")
def document(st: StoreDep, doc_id: str) -> dict[str, Any]:
    """The whole analysis record of one document (eval/CONTRACT.md)."""
    recs = list(st.records("id = ?", (doc_id,)))
    if not recs:
        raise not_found("document", doc_id)
    return recs[0]


@router.get("/stories", summary="Stories, largest first")
def stories(st: StoreDep, limit: Limit = 20,
            min_reports: Annotated[int, Query(ge=1, description="only stories with this many reports")] = 1
            ) -> dict[str, Any]:
    """Reports of one happening grouped across outlets, with title, summary, dates and merged events."""
    items = views.story_rows(st, limit=limit, min_reports=min_reports)
    return {"limit": limit, "min_reports": min_reports, "items": items}


@router.get("/stories/{story_id}", summary="One story")
def story(st: StoreDep, story_id: str) -> dict[str, Any]:
    """One story: its reports, title, summary, first and last dates, and merged events."""
    found = views.story_detail(st, story_id)
    if found is None:
        raise not_found("story", story_id)
    return found


@router.get("/entities", summary="Entities, most named first")
def entities(st: StoreDep, type: Optional[str] = Query(None, description="PER, ORG, GPE, LOC, ..."),
             q: Optional[str] = Query(None, description="part of the English or Arabic name, or the id"),
             limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Resolved entities with the number of documents and mentions that name them."""
    total, items = views.entity_rows(st, type=type, q=q, limit=limit, offset=offset)
    return _page(total, items, limit, offset)


@router.get("/entities/{entity_id}", summary="One entity")
def entity(st: StoreDep, entity_id: str,
           limit: Annotated[int, Query(ge=1, le=500, description="at most this many documents, quotes, events")] = 100
           ) -> dict[str, Any]:
    """One entity with its documents (`documents_list`), its quotations as speaker and the events it takes part in."""
    found = views.entity_detail(st, entity_id, limit=limit)
    if found is None:
        raise not_found("entity", entity_id)
    return found


@router.get("/quotes", summary="Quotations")
def quotes(st: StoreDep, speaker: Optional[str] = Query(None, description="part of the speaker's name (en or ar)"),
           entity: Optional[str] = Query(None, description="the speaker's catalogue id"),
           kind: Literal["direct", "indirect", "all"] = "all", limit: Limit = 50, offset: Offset = 0
           ) -> dict[str, Any]:
    """Quotations with their speaker, date and source, newest first."""
    items = views.quote_rows(st, speaker=speaker, partial=True, entity=entity,
                             kind=None if kind == "all" else kind, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": items}


@router.get("/events", summary="Coded events")
def events(st: StoreDep, type: Optional[str] = Query(None, description="a PLOVER type, e.g. CONSULT"),
           country: Optional[str] = Query(None, description="ISO alpha-3 of the source or the target"),
           date_from: From = None, date_to: To = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """PLOVER/CAMEO events with actors, place (lat/lon), evidence text and report, latest first."""
    total, items = views.event_rows(st, type=type, country=country, date_from=date_from, date_to=date_to,
                                    limit=limit, offset=offset)
    return _page(total, items, limit, offset)


@router.get("/failures", summary="Inputs that could not be read")
def failures(st: StoreDep) -> dict[str, Any]:
    """Every recorded failure with its stage and reason."""
    items = views.failure_rows(st)
    return {"total": len(items), "items": items}


def error_response(status: int, message: str, code: str | None = None) -> JSONResponse:
    """The one error shape: {"error": {"code": ..., "message": ...}}."""
    return JSONResponse({"error": {"code": code or CODES.get(status, "error"), "message": message}},
                        status_code=status)


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        msg = str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":  # Starlette's words for a route that does not exist
            msg = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            msg = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, msg)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return error_response(500, f"{type(exc).__name__}: {exc}")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("marsad")
    except Exception:  # running from a source tree that was never installed
        return "0"


def create_app(db: str | Path) -> FastAPI:
    """The API and the dashboard over the store at `db` (opened read-only, one connection per request)."""
    app = FastAPI(title="Marsad API", version=_version(), openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description="Read-only access to a Marsad store: documents, stories, entities, "
                                              "quotations, events and failures. Errors: {\"error\": {code, message}}.")
    app.state.db = Path(db)
    app.include_router(router)
    _install_errors(app)
    from marsad.serve.dashboard import mount

    mount(app)
    return app
