"""The `marsad` command: a thin shell over the runner, the store and the evaluations."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from marsad.errors import MarsadError
from marsad.settings import Settings, describe, load_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Marsad: Arabic news intelligence (clean text, stories, entities, quotations, dates, events).")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluations against gold data.")
app.add_typer(eval_app, name="eval")

DbOpt = Annotated[Optional[Path], typer.Option("--db", help="the SQLite store (default: setting `db`)")]
TodayOpt = Annotated[Optional[str], typer.Option("--today", help="treat this day (YYYY-MM-DD) as today")]


def _settings(db: Path | None = None, today: str | None = None, **kw) -> Settings:
    import datetime as dt

    return load_settings(db=db, today=dt.date.fromisoformat(today) if today else None, **kw)


def _fail(msg: str, code: int = 2) -> None:
    typer.echo(f"marsad: {msg}", err=True)
    raise typer.Exit(code)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="files, folders or glob patterns (.txt, .html, .jsonl)")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl (the analysis record) or summary")] = "jsonl",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="write here instead of stdout")] = None,
    store: Annotated[bool, typer.Option("--store/--no-store", help="also keep the results in the store")] = False,
    db: DbOpt = None,
    today: TodayOpt = None,
) -> None:
    """Analyse articles and write one analysis record per article (eval/CONTRACT.md)."""
    from marsad.record import to_record
    from marsad.runner import run
    from marsad.store import Store

    if fmt not in ("jsonl", "summary"):
        _fail(f"unknown --format {fmt!r}; use jsonl or summary")
    s = _settings(db, today)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    sink = (lambda d: out.write(json.dumps(to_record(d), ensure_ascii=False) + "\n")) if fmt == "jsonl" else None
    st = Store(s.db) if store else None
    try:
        report = run(paths, s, store=st, sink=sink, force=True)
    finally:
        if st is not None:
            st.close()
        if output:
            out.close()
    if fmt == "summary" or output:
        _print_report(report)
    if report.documents == 0 and report.failures:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders or glob patterns (.txt, .html, .jsonl)")],
    db: DbOpt = None,
    force: Annotated[bool, typer.Option("--force", help="re-analyse documents already stored")] = False,
    today: TodayOpt = None,
) -> None:
    """Analyse articles into the store (re-ingesting an article replaces it, never duplicates it)."""
    from marsad.runner import run
    from marsad.store import Store

    s = _settings(db, today)
    with Store(s.db) as st:
        report = run(paths, s, store=st, force=force)
    _print_report(report)
    typer.echo(f"store: {s.db}")


@app.command()
def demo(db: DbOpt = None) -> None:
    """Analyse the bundled demo corpus into the store, then print a summary of what it found."""
    from marsad.runner import run
    from marsad.store import Store

    corpus = Path(__file__).resolve().parent.parent / "demo" / "corpus"
    s = _settings(db)
    typer.echo(f"Analysing the demo corpus ({corpus}) into {s.db} ...")
    with Store(s.db) as st:
        report = run([str(corpus)], s, store=st)
        _print_report(report)
        typer.echo("")
        _print_summary(st)


@app.command()
def summary(db: DbOpt = None) -> None:
    """What the store holds: documents, stories, top entities, events, failures."""
    from marsad.store import Store

    s = _settings(db)
    if not Path(s.db).exists():
        _fail(f"no store at {s.db}; run `marsad ingest PATH` or `marsad demo` first")
    with Store(s.db) as st:
        _print_summary(st)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="English name, e.g. 'Sergey Lavrov'")] = None,
    kind: Annotated[str, typer.Option("--kind", help="direct, indirect or all")] = "direct",
    limit: Annotated[int, typer.Option("--limit")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table")] = False,
    db: DbOpt = None,
) -> None:
    """What people said: quotations from the store, with dates and sources."""
    from marsad.serve.views import quote_rows

    if kind not in ("direct", "indirect", "all"):
        _fail(f"unknown --kind {kind!r}; use direct, indirect or all")
    rows = quote_rows(_open(db), speaker=speaker, kind=None if kind == "all" else kind, limit=limit)
    if as_json:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no quotations" + (f" by {speaker}" if speaker else ""))
    for r in rows:
        src = r["outlet"] or r["credits"] or Path(r["source_path"] or "").name
        typer.echo(f"{r['date'] or '?':10}  {r['speaker'] or '(unattributed)'}  [{r['kind']}, {src}]\n    «{r['text']}»")


@app.command()
def stories(
    limit: Annotated[int, typer.Option("--limit")] = 20,
    min_reports: Annotated[int, typer.Option("--min-reports", help="only stories with this many reports")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text")] = False,
    db: DbOpt = None,
) -> None:
    """Stories: reports of one happening grouped across outlets, with dates, summary and merged events."""
    from marsad.serve.views import story_rows

    rows = story_rows(_open(db), limit=limit, min_reports=min_reports)
    for r in rows:
        if as_json:
            typer.echo(json.dumps(r, ensure_ascii=False))
            continue
        typer.echo(f"\n■ {r['title']}  ({len(r['reports'])} reports, {r['first'] or '?'} .. {r['last'] or '?'})")
        if r.get("summary"):
            typer.echo(f"  {r['summary']}")
        for rep in r["reports"]:
            typer.echo(f"   - {rep['published'] or '?':10} {rep['outlet'] or '':20} {rep['title'] or rep['id']}")
        for ev in r.get("events", [])[:8]:
            typer.echo(f"   ◆ {ev}")


@app.command()
def failures(db: DbOpt = None) -> None:
    """Inputs that could not be read or analysed, with the reason."""
    st = _open(db)
    rows = st.query("SELECT source_path, stage, reason, at FROM failures ORDER BY at")
    for r in rows:
        typer.echo(f"{r['source_path']}: {r['reason']} (stage {r['stage']}, {r['at']})")
    typer.echo(f"{len(rows)} failure(s)")


@app.command()
def export(
    what: Annotated[str, typer.Argument(help="records, events or quotes")] = "records",
    output: Annotated[Optional[Path], typer.Option("--output", "-o")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    db: DbOpt = None,
) -> None:
    """Export the store: analysis records as JSON Lines, or events/quotes as JSON Lines or CSV."""
    from marsad.store.export import export as do_export

    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        n = do_export(_open(db), what, fmt, out)
    except ValueError as e:
        _fail(str(e))
    finally:
        if output:
            out.close()
    typer.echo(f"exported {n} {what}", err=True)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="the address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="the port to listen on")] = 8321,
) -> None:
    """The REST API (/api/v1, reference at /api/docs) and the dashboard (/) over the store, read-only."""
    import uvicorn

    from marsad.serve.api import create_app

    s = _settings(db)
    if not Path(s.db).exists():
        _fail(f"no store at {s.db}; run `marsad ingest PATH` or `marsad demo` first")
    typer.echo(f"Serving {s.db} at http://{host}:{port}/ (API reference: /api/docs; Ctrl-C stops)")
    uvicorn.run(create_app(s.db), host=host, port=port, log_level="warning")


@app.command("settings")
def show_settings() -> None:
    """Every setting with its default and what it does."""
    for name, default, help_ in describe():
        typer.echo(f"{name:15} {default:20} {help_}")


_PASS = {"allow_extra_args": True, "ignore_unknown_options": True}


@eval_app.command("ner", context_settings=_PASS)
def eval_ner(ctx: typer.Context) -> None:
    """Entity F1 (PER, ORG, LOC; exact span) on the held-out part of ANERcorp (default ../shared/data/anercorp).

    Options after the command go to the evaluation (`marsad eval ner --help`).
    """
    from marsad.analyse.entities import ner

    raise typer.Exit(ner.main(["evaluate", *ctx.args]) or 0)


@eval_app.command("events", context_settings=_PASS)
def eval_events(ctx: typer.Context) -> None:
    """Sentence-level PROTEST and ASSAULT detection on the Arabic event GSR (default ../shared/data/arabic_event_gsr).

    Options after the command go to the evaluation: DATA_DIR, --half a|b|all|each, --modes,
    --detect model|report|any, --cross (retrain on one half, score the other: an honest number), --folds K
    (repeated K-fold, choices nested in each training part: another), --json.
    """
    from marsad import eval_events as ev

    raise typer.Exit(ev.main(list(ctx.args)) or 0)


def _open(db: Path | None):
    from marsad.store import Store

    s = _settings(db)
    if not Path(s.db).exists():
        _fail(f"no store at {s.db}; run `marsad ingest PATH` or `marsad demo` first")
    return Store(s.db)


def _print_report(report) -> None:
    typer.echo(f"read {report.files} file(s): {report.documents} document(s) analysed, "
               f"{report.skipped_known} already stored, {len(report.failures)} failure(s)")
    for f in report.failures[:20]:
        typer.echo(f"  failed: {f.source_path}: {f.reason}")


def _print_summary(st) -> None:
    from marsad.serve.views import summary_text

    typer.echo(summary_text(st))


def main() -> None:
    """Entry point: errors become one clear line and exit code 2."""
    try:
        app()
    except MarsadError as e:
        typer.echo(f"marsad: {e}", err=True)
        sys.exit(2)
