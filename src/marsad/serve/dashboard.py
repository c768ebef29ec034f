"""The dashboard: server-rendered pages (Jinja2) over the same views as the API, with a little vanilla JS.

Everything it shows ships in the package (serve/web/): no CDN, no web fonts, no build step. The timeline is an
inline SVG drawn here, so the page reads fine with scripts off.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from marsad.serve import views
from marsad.serve.api import open_store
from marsad.serve.views import ReadOnlyStore

WEB = Path(__file__).resolve().parent / "web"
templates = Jinja2Templates(directory=str(WEB / "templates"))
router = APIRouter(include_in_schema=False)

CHART_W, CHART_H, MAX_DAYS = 1000, 180, 180


def timeline(by_day: list[dict], first: str | None, last: str | None) -> dict[str, Any]:
    """Bars for events per day over the days the documents were published (a few days either side).

    Events dated far from the coverage (history recalled in an article, plans for next year) would stretch the axis
    to decades, so they are counted apart instead of drawn.
    """
    days = [d["date"] for d in by_day]
    first, last = first or (days[0] if days else None), last or (days[-1] if days else None)
    if not first or not last:
        return {"bars": [], "ticks": [], "outside": sum(d["count"] for d in by_day), "max": 0}
    start = dt.date.fromisoformat(first) - dt.timedelta(days=3)
    end = dt.date.fromisoformat(last) + dt.timedelta(days=3)
    start = max(start, end - dt.timedelta(days=MAX_DAYS - 1))
    drawn = [d for d in days if start.isoformat() <= d <= end.isoformat()]
    if drawn:  # no long empty run before the first event (one old article would make one)
        start = max(start, dt.date.fromisoformat(drawn[0]) - dt.timedelta(days=3))
    n = (end - start).days + 1
    counts = {d["date"]: d for d in by_day}
    inside = [counts.get((start + dt.timedelta(days=i)).isoformat()) for i in range(n)]
    peak = max((d["count"] for d in inside if d), default=0)
    step = CHART_W / n
    bars = []
    for i, d in enumerate(inside):
        if not d:
            continue
        scale = (CHART_H - 20) / peak
        coop, conf = d["cooperative"] * scale, d["conflictual"] * scale
        other = d["count"] * scale - coop - conf
        bars.append({"x": round(i * step + step * 0.1, 1), "w": round(max(step * 0.8, 1), 1), "date": d["date"],
                     "count": d["count"], "n_coop": d["cooperative"], "n_conf": d["conflictual"],
                     "coop": round(coop, 1), "conf": round(conf, 1), "other": round(other, 1)})
    every = max(1, n // 8)
    ticks = [{"x": round(i * step + step / 2, 1), "label": (start + dt.timedelta(days=i)).strftime("%d %b")}
             for i in range(0, n, every)]
    outside = sum(d["count"] for d in by_day) - sum(d["count"] for d in inside if d)
    return {"bars": bars, "ticks": ticks, "outside": outside, "max": peak, "width": CHART_W, "height": CHART_H,
            "start": start.isoformat(), "end": end.isoformat()}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, st: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    """The dashboard."""
    summ = views.summary_data(st, top=15)
    ctx = {
        "s": summ,
        "stories": views.story_rows(st, limit=8, min_reports=1),
        "events": views.event_rows(st, limit=40)[1],
        "quotes": views.quote_rows(st, kind="direct", limit=8),
        "chart": timeline(summ["events_by_day"], summ["published"]["first"], summ["published"]["last"]),
        "db": Path(request.app.state.db).name,
    }
    return templates.TemplateResponse(request, "home.html", ctx)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, st: ReadOnlyStore = Depends(open_store)) -> HTMLResponse:
    """One entity: its documents, what it said and the events it takes part in."""
    ent = views.entity_detail(st, entity_id, limit=100)
    status = 200 if ent else 404
    return templates.TemplateResponse(request, "entity.html", {"e": ent, "entity_id": entity_id}, status_code=status)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A readable reference of the API, made from its own OpenAPI schema (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""),
                        "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                    "description": p.get("description", ""), "schema": _schema_text(p["schema"])}
                                   for p in op.get("parameters", [])]})
    return templates.TemplateResponse(request, "api_docs.html", {"spec": spec, "ops": ops})


def _schema_text(schema: dict) -> str:
    if "anyOf" in schema:
        text = " | ".join(_schema_text(s) for s in schema["anyOf"] if s.get("type") != "null")
    elif "enum" in schema:
        text = " | ".join(map(str, schema["enum"]))
    else:
        bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum", "pattern") if k in schema]
        text = schema.get("type", "") + (f" ({', '.join(bounds)})" if bounds else "")
    return text + (f"; default {schema['default']}" if schema.get("default") is not None else "")


def mount(app: FastAPI) -> None:
    """Adds the pages and their static files to the API app."""
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.include_router(router)
