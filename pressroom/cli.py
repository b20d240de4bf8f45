"""The `pressroom` command: crawl → land → parse → load, each stage on its own or all together.

Exit codes: 0 all went well; 1 some pages or days failed (each named in the output); 2 usage
error; 3 a stage could not run at all (e.g. the warehouse is unreachable).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections import Counter
from datetime import date
from typing import Any

import click

from pressroom.config import Config
from pressroom.sources import SOURCES

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_STAGE_ERROR = 0, 1, 2, 3
SUMMARY_KEYS = ("fetched", "landed", "skipped", "parsed", "loaded", "failed")


def summary_line(command: str, source: str, first: date, last: date, counts: dict[str, Any]) -> str:
    """The one line every command ends with.

    >>> summary_line("run", "rmrb", date(2024, 3, 27), date(2024, 3, 27), {"fetched": 3, "parsed": 2})
    'pressroom run rmrb 2024-03-27: fetched=3 landed=0 skipped=0 parsed=2 loaded=0 failed=0'
    """
    span = first.isoformat() if first == last else f"{first}..{last}"
    return f"pressroom {command} {source} {span}: " + " ".join(f"{k}={counts.get(k, 0)}" for k in SUMMARY_KEYS)


def _progress(msg: str) -> None:
    click.echo(msg, err=True)


class Ctx:
    def __init__(self, data: str | None, db: str | None) -> None:
        self.cfg = Config.from_env(data=data, db_url=db)


def _days(first: date, last: date | None) -> list[date]:
    from spiders.sites.base import day_range

    try:
        return day_range(first, last)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None


def source_argument(f):  # type: ignore[no-untyped-def]
    return click.argument("source", type=click.Choice(sorted(SOURCES)))(f)


def date_options(f):  # type: ignore[no-untyped-def]
    f = click.option("--to", "last", type=click.DateTime(["%Y-%m-%d"]), help="Last day of the range (inclusive).")(f)
    return click.option("--date", "first", type=click.DateTime(["%Y-%m-%d"]), required=True, help="Day (YYYY-MM-DD), or first day of a range.")(f)


def crawl_options(f):  # type: ignore[no-untyped-def]
    f = click.option("--mirror", metavar="URL", help="Send every request to a `pressroom mirror` server; landed pages keep the real URLs.")(f)
    f = click.option("--refresh", is_flag=True, help="Download pages again even if already landed (changed pages become new versions).")(f)
    f = click.option("--delay", type=float, help="Seconds between requests to a host (default 1, AutoThrottled; 0 with --mirror).")(f)
    f = click.option("-a", "--spider-arg", "spider_args", multiple=True, metavar="KEY=VALUE",
                     help="An argument for the spider, e.g. -a channels=http://finance.people.com.cn/GB/70846/ (repeatable).")(f)
    f = click.option("-s", "--set", "scrapy_settings", multiple=True, metavar="NAME=VALUE",
                     help="A Scrapy setting for this crawl, e.g. -s DOWNLOAD_TIMEOUT=10 (repeatable).")(f)
    f = click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own INFO log as well.")(f)
    return click.option("-q", "--quiet", is_flag=True, help="No progress lines; only warnings and the summary.")(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", envvar="PRESSROOM_DATA", metavar="LOCATION", help="Landing area: a folder or fsspec URL [env PRESSROOM_DATA; default ./data/landing].")
@click.option("--db", envvar="PRESSROOM_DB_URL", metavar="URL", help="Warehouse SQLAlchemy URL [env PRESSROOM_DB_URL; default sqlite:///./data/pressroom.db].")
@click.version_option(package_name="pressroom")
@click.pass_context
def cli(ctx: click.Context, data: str | None, db: str | None) -> None:
    """pressroom: crawl People's Daily and State Council releases, land the raw pages, parse them, load the warehouse.

    \b
    Typical use:
      pressroom demo                               # the whole pipeline on the bundled sample site
      pressroom run rmrb --date 2024-03-27         # crawl → parse → load one day
      pressroom run rmrb --date 2024-03-01 --to 2024-03-31
      pressroom parse rmrb --date 2024-03-27       # re-parse landed pages, no network

    Exit codes: 0 ok; 1 some pages or days failed (named in the output); 2 usage error; 3 a stage could not run.
    """
    ctx.obj = Ctx(data, db)


def _record(cfg: Config, stage: str, source: str, first: date, last: date):  # type: ignore[no-untyped-def]
    from warehouse.db import make_engine, upgrade
    from warehouse.runs import start_run

    upgrade(cfg.db_url)
    engine = make_engine(cfg.db_url)
    return engine, start_run(engine, stage, source, first, last)


def _do_crawl(cfg: Config, source: str, ranges: list[tuple[date, date]], *, mirror: str | None, refresh: bool,
              delay: float | None, quiet: bool, verbose: bool = False, stats_out: str | None = None,
              spider_args: tuple[str, ...] = (), run_uid: str | None = None,
              scrapy_settings: tuple[str, ...] = ()) -> tuple[Counter[str], list[str]]:
    from pressroom.stages import crawl, crawl_problems

    bad = [a for a in (*spider_args, *scrapy_settings) if "=" not in a]
    if bad:
        raise click.UsageError(f"spider arguments and settings are NAME=VALUE, not {bad[0]!r}")
    summary = crawl(cfg, source, ranges, mirror=mirror, refresh=refresh, delay=delay,
                    spider_args=dict(a.split("=", 1) for a in spider_args), run_uid=run_uid,
                    stats_file=stats_out, log_level="INFO" if verbose else "WARNING", progress=not quiet,
                    overrides=dict(a.split("=", 1) for a in scrapy_settings))
    counts = Counter({k: summary.get(k, 0) for k in ("fetched", "landed", "skipped", "failed")})
    problems = crawl_problems(summary)
    for day, status in sorted(summary.get("days", {}).items()):
        _progress(f"crawl {source} {day}: {status}")
    return counts, problems


def _finish(cfg: Config, engine, uid: str, command: str, source: str, first: date, last: date,  # type: ignore[no-untyped-def]
            counts: Counter[str], problems: list[str]) -> None:
    from warehouse.runs import finish_run

    if engine is not None:
        finish_run(engine, uid, "failed" if problems else "success", dict(counts), "; ".join(problems) or None)
        engine.dispose()
    for p in problems:
        click.echo(f"FAILED: {p}", err=True)
    click.echo(summary_line(command, source, first, last, counts))
    sys.exit(EXIT_FAILURES if problems else EXIT_OK)


@cli.command("crawl")
@source_argument
@date_options
@crawl_options
@click.option("--stats-out", metavar="FILE", help="Write the crawl's summary (finish reason, counts, day statuses) as JSON.")
@click.option("--no-record", is_flag=True, help="Do not write an etl_runs row (the caller records the run).")
@click.option("--run-uid", hidden=True, help="The caller's etl_runs uid, written into every landed page.")
@click.pass_obj
def crawl_cmd(obj: Ctx, source: str, first, last, mirror, refresh, delay, verbose, spider_args, quiet, stats_out, no_record,
              run_uid, scrapy_settings) -> None:
    """Fetch a day (or range) and land every page in the landing area."""
    first, last = first.date(), (last or first).date()
    _days(first, last)
    engine, uid = (None, run_uid or "") if no_record else _record(obj.cfg, "crawl", source, first, last)
    counts, problems = _do_crawl(obj.cfg, source, [(first, last)], mirror=mirror, refresh=refresh, delay=delay, quiet=quiet, verbose=verbose, stats_out=stats_out, spider_args=spider_args,
                                 run_uid=uid or None, scrapy_settings=scrapy_settings)
    _finish(obj.cfg, engine, uid, "crawl", source, first, last, counts, problems)


@cli.command("parse")
@source_argument
@date_options
@click.pass_obj
def parse_cmd(obj: Ctx, source: str, first, last) -> None:
    """Parse landed pages into documents (no network); a parser fix is re-applied this way."""
    from pressroom.stages import parse

    first, last = first.date(), (last or first).date()
    engine, uid = _record(obj.cfg, "parse", source, first, last)
    counts = parse(obj.cfg, source, _days(first, last), _progress)
    problems = [f"{counts['failed']} pages could not be parsed"] if counts["failed"] else []
    _finish(obj.cfg, engine, uid, "parse", source, first, last, counts, problems)


@cli.command("load")
@source_argument
@date_options
@click.pass_obj
def load_cmd(obj: Ctx, source: str, first, last) -> None:
    """Load parsed days into the warehouse (idempotent, one transaction per day)."""
    from pressroom.stages import load
    from warehouse.loaders import LoadError

    first, last = first.date(), (last or first).date()
    engine, uid = _record(obj.cfg, "load", source, first, last)
    try:
        counts = load(obj.cfg, source, _days(first, last), uid, _progress)
    except LoadError as exc:
        _finish(obj.cfg, engine, uid, "load", source, first, last, Counter(), [str(exc)])
    _finish(obj.cfg, engine, uid, "load", source, first, last, counts, [])


@cli.command("reparse")
@source_argument
@date_options
@click.pass_obj
def reparse_cmd(obj: Ctx, source: str, first, last) -> None:
    """Re-apply the current parser and extractor to landed pages and reload (no network):
    parse → load for a day or range. Documents and facts that did not change are left as they are."""
    from pressroom.stages import load, parse
    from warehouse.runs import finish_run

    first, last = first.date(), (last or first).date()
    days = _days(first, last)
    engine, uid = _record(obj.cfg, "parse", source, first, last)
    parsed = parse(obj.cfg, source, days, _progress)
    problems = [f"{parsed['failed']} pages could not be parsed"] if parsed["failed"] else []
    finish_run(engine, uid, "failed" if problems else "success", dict(parsed), "; ".join(problems) or None)
    uid = _start(engine, "load", source, first, last)
    loaded = load(obj.cfg, source, days, uid, _progress)
    counts = Counter(parsed=parsed["parsed"], loaded=loaded["loaded"], failed=parsed["failed"])
    _finish(obj.cfg, engine, uid, "reparse", source, first, last, counts, problems)


@cli.command("check")
@source_argument
@date_options
@click.pass_obj
def check_cmd(obj: Ctx, source: str, first, last) -> None:
    """Run the quality gates on loaded days (what the Airflow `gates` task runs): each gate's
    verdict per day; exit 1 naming every failed gate and its offending rows."""
    from warehouse.db import make_engine, upgrade
    from warehouse.gates import GateFailed, check

    first, last = first.date(), (last or first).date()
    upgrade(obj.cfg.db_url)
    engine = make_engine(obj.cfg.db_url)
    failed = 0

    def report(day: date, result: Any) -> None:
        nonlocal failed
        click.echo(f"{source} {day} {result}", err=not result.ok)
        failed += not result.ok

    with engine.connect() as conn:
        try:
            check(conn, source, _days(first, last), report)
        except GateFailed:
            pass  # every verdict is printed above; the exit code says it
    engine.dispose()
    click.echo(f"pressroom check {source} {first if first == last else f'{first}..{last}'}: {failed} gate(s) failed")
    sys.exit(EXIT_FAILURES if failed else EXIT_OK)


@cli.command("run")
@source_argument
@date_options
@crawl_options
@click.pass_obj
def run_cmd(obj: Ctx, source: str, first, last, mirror, refresh, delay, verbose, spider_args, quiet, scrapy_settings) -> None:
    """Crawl → parse → load a day (or range) into the warehouse."""
    first, last = first.date(), (last or first).date()
    counts, problems = run_pipeline(obj.cfg, source, [(first, last)], mirror=mirror, refresh=refresh, delay=delay, quiet=quiet, verbose=verbose,
                                    spider_args=spider_args, scrapy_settings=scrapy_settings)
    _finish(obj.cfg, None, "", "run", source, first, last, counts, problems)


def run_pipeline(cfg: Config, source: str, ranges: list[tuple[date, date]], **crawl_opts: Any) -> tuple[Counter[str], list[str]]:
    """All three stages for the given day ranges (one crawl process), each stage recorded in
    etl_runs; returns (counts, problems)."""
    from pressroom.stages import load, parse
    from warehouse.runs import finish_run

    days = sorted({d for a, b in ranges for d in _days(a, b)})
    first, last = days[0], days[-1]
    engine, uid = _record(cfg, "crawl", source, first, last)
    counts, problems = _do_crawl(cfg, source, ranges, run_uid=uid, **crawl_opts)
    finish_run(engine, uid, "failed" if problems else "success", dict(counts), "; ".join(problems) or None)

    uid = _start(engine, "parse", source, first, last)
    parsed = parse(cfg, source, days, _progress)
    parse_problems = [f"{parsed['failed']} pages could not be parsed"] if parsed["failed"] else []
    finish_run(engine, uid, "failed" if parse_problems else "success", dict(parsed), "; ".join(parse_problems) or None)

    uid = _start(engine, "load", source, first, last)
    loaded = load(cfg, source, days, uid, _progress)
    finish_run(engine, uid, "success", dict(loaded))
    engine.dispose()
    counts["parsed"] = parsed["parsed"]
    counts["failed"] += parsed["failed"]
    counts["loaded"] = loaded["loaded"]
    return counts, problems + parse_problems


def _start(engine, stage: str, source: str, first: date, last: date) -> str:  # type: ignore[no-untyped-def]
    from warehouse.runs import start_run

    return start_run(engine, stage, source, first, last)


@cli.command("mirror")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=int, default=8800, show_default=True, help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def mirror_cmd(directory: str, port: int, verbose: bool) -> None:
    """Serve saved pages (DIRECTORY/<host>/<path>) at their original paths on 127.0.0.1."""
    import time

    from pressroom.mirror import MirrorServer

    server = MirrorServer(directory, port, verbose=verbose).start()
    click.echo(f"mirror of {directory} on {server.url}  (crawl with --mirror {server.url}; Ctrl-C stops)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


@cli.command("demo")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines; only warnings and the summary.")
@click.pass_obj
def demo_cmd(obj: Ctx, quiet: bool) -> None:
    """Run the whole pipeline on the bundled sample e-paper (one day per site generation), served
    on 127.0.0.1, into the embedded warehouse, and show what landed."""
    from pressroom.demo import run_demo

    sys.exit(run_demo(obj.cfg, quiet=quiet))


@cli.group("db")
def db_group() -> None:
    """Warehouse schema migrations (Alembic)."""


@db_group.command("upgrade")
@click.argument("revision", default="head")
@click.pass_obj
def db_upgrade(obj: Ctx, revision: str) -> None:
    """Migrate the warehouse up to REVISION (default head)."""
    from warehouse.db import current_revision, upgrade

    upgrade(obj.cfg.db_url, revision)
    click.echo(f"warehouse at revision {current_revision(obj.cfg.db_url)}")


@db_group.command("downgrade")
@click.argument("revision", default="base")
@click.pass_obj
def db_downgrade(obj: Ctx, revision: str) -> None:
    """Migrate the warehouse down to REVISION (default base: empty)."""
    from warehouse.db import current_revision, downgrade

    downgrade(obj.cfg.db_url, revision)
    click.echo(f"warehouse at revision {current_revision(obj.cfg.db_url)}")


@cli.command("landed")
@source_argument
@date_options
@click.pass_obj
def landed_cmd(obj: Ctx, source: str, first, last) -> None:
    """List what is landed for a day or range: one line per page (status, kind, sha256, URL)."""
    from pressroom.landing import LandingStore

    store = LandingStore(obj.cfg.data)
    for day in _days(first.date(), (last or first).date()):
        record = store.read_day(source, day) or {}
        click.echo(f"{day} {record.get('status', 'not crawled')} {record.get('generation') or ''}".rstrip())
        for m in store.pages(source, day):
            click.echo(f"  {m['status']} {m['kind']:<8} {m['sha256'][:12]} {m['url']}")


@cli.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", help="The page's original URL (picks the parser and the source).")
@click.option("--source", help="Source name (rmrb, people, govcn, stats, scio, text); default from the URL.")
@click.option("--date", "pub_date", type=click.DateTime(["%Y-%m-%d"]), help="Publication date when the text does not print one.")
def extract_cmd(file: str, url: str | None, source: str | None, pub_date) -> None:
    """Print the document, speakers, figures and measures of one saved page or plain-text article
    as JSON Lines (the ../shared/gold/SCHEMA.md records). Touches no warehouse."""
    import json

    from pressroom.extracting import extract_file

    result = extract_file(file, url=url, source=source, pub_date=pub_date.date() if pub_date else None)
    for record in result.to_records():
        click.echo(json.dumps(record, ensure_ascii=False))
    for problem in result.problems:
        click.echo(f"note: {problem}", err=True)


@cli.command("eval")
@click.option("--gold", "gold_dir", type=click.Path(exists=True, file_okay=False), default="../shared/gold", show_default=True,
              help="Folder of *.gold.jsonl files and the reference score.py.")
@click.option("--update", is_flag=True, help="Raise the pinned floors to today's scores, part by part (floors never go down).")
@click.option("--errors", "errors_of", multiple=True, metavar="DOC",
              help="List what the extractor got wrong on a gold document of the tuning part (repeatable; "
                   "'tune' for all of them). Test documents are scored, never studied: they are refused.")
@click.option("--json", "as_json", is_flag=True, help="The scores as one JSON object instead of tables.")
def eval_cmd(gold_dir: str, update: bool, errors_of: tuple[str, ...], as_json: bool) -> None:
    """Score the extractor on the gold articles, per file, per kind and per part of the split
    (pressroom/eval_split.json: tuning and test); exit 1 when a part's total falls below its pinned floor."""
    import json
    from pathlib import Path

    from pressroom.evaluate import GATED, Split, below_floors, errors, evaluate, gold_files, raise_floors, read_floors

    gold = Path(gold_dir)
    if errors_of:
        split = Split.read()
        stems = [s for s in gold_files(gold) if split.part(s) == "tune"] if errors_of == ("tune",) else list(errors_of)
        for stem in stems:
            if stem not in gold_files(gold):
                raise click.UsageError(f"no gold file {stem}.gold.jsonl in {gold_dir}")
            if split.part(stem) != "tune":
                raise click.UsageError(f"{stem} is in the test part: it is scored, not studied (pressroom/eval_split.json)")
        for stem in stems:
            lines = errors(gold, stem)
            click.echo(f"== {stem}: {len(lines)} errors")
            for line in lines:
                click.echo("  " + line)
        return
    result = evaluate(gold)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        names = ["n_gold", "str_f1", "len_f1", "period_acc", "basis_acc", "sign_acc", "mea_f1", "groups_share", "spk_f1", "disc_f1"]
        fmt = lambda v: "-" if v is None else str(v) if isinstance(v, int) else f"{v:.3f}"  # noqa: E731
        line = lambda name, row: f"{name:<44} " + " ".join(f"{fmt(row[n]):>10}" for n in names)  # noqa: E731
        click.echo(f"{'file':<44} " + " ".join(f"{n[:10]:>10}" for n in names))
        for stem, row in sorted(result["files"].items(), key=lambda kv: (kv[1]["part"], kv[1]["kind"], kv[0])):
            click.echo(line(f"{row['part']:<4} {row['kind']:<7} {stem}", row))
        for kind, row in result["kinds"].items():
            click.echo(line(f"KIND {kind}", row))
        for part, row in result["parts"].items():
            click.echo(line(f"PART {part}", row))
        click.echo(line("TOTAL", result["total"]))
        for stem in result["unlisted"]:
            click.echo(f"note: {stem} is not in pressroom/eval_split.json: scored in the test part", err=True)
    if update:
        floors = raise_floors(result["parts"])
        for part, values in floors.items():
            click.echo(f"floors now ({part}): " + ", ".join(f"{k}={v}" for k, v in values.items()), err=True)
    problems = below_floors(result["parts"], read_floors())
    for p in problems:
        click.echo(f"BELOW FLOOR: {p}", err=True)
    parts = "; ".join(f"{part} " + ", ".join(f"{k}={row[k]:.3f}" if row[k] is not None else f"{k}=-" for k in GATED)
                      for part, row in result["parts"].items())
    click.echo("eval: " + ("FAILED" if problems else "ok") + f" ({parts})", err=as_json)
    sys.exit(EXIT_FAILURES if problems else EXIT_OK)


def _engine(cfg: Config):  # type: ignore[no-untyped-def]
    from warehouse.db import make_engine, upgrade

    upgrade(cfg.db_url)
    return make_engine(cfg.db_url)


@cli.command("figures")
@click.option("--indicator", help="Canonical name, alias (社零总额, CPI) or part of the indicator as written.")
@click.option("--from", "first", type=click.DateTime(["%Y-%m-%d"]), help="First publication day.")
@click.option("--to", "last", type=click.DateTime(["%Y-%m-%d"]), help="Last publication day.")
@click.option("--source", type=click.Choice(sorted(SOURCES)), help="Only this source.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--limit", type=int, default=200, show_default=True)
@click.pass_obj
def figures_cmd(obj: Ctx, indicator, first, last, source, fmt, limit) -> None:
    """Figures from the warehouse (the v_figures view): id, indicator, period, value, basis, source,
    speaker, evidence. `pressroom lineage ID` follows a figure to its raw page."""
    import csv
    import json

    from warehouse.queries import figures

    engine = _engine(obj.cfg)
    with engine.connect() as conn:
        rows = figures(conn, indicator=indicator, first=first.date() if first else None,
                       last=last.date() if last else None, source=source, limit=limit)
    engine.dispose()
    if fmt == "json":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["indicator"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        for r in rows:
            value = f"{r['value']:g}{r['unit_text'] or ''}"
            click.echo(f"{r['figure_id']:>7} {r['pub_date']} {r['source']:<6} {r['indicator'] or '':<18} {r['period'] or '':<17} "
                       f"{value:>14} {r['basis'] or '':<9} {r['direction'] or '':<5} {r['agency'] or ''}")
    click.echo(f"{len(rows)} figures", err=True)


@cli.command("export")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True)
@click.pass_obj
def export_cmd(obj: Ctx, directory: str, fmt: str) -> None:
    """Write every table and view of the star schema to DIRECTORY, one file each."""
    from pathlib import Path

    from warehouse.queries import export

    engine = _engine(obj.cfg)
    with engine.connect() as conn:
        counts = export(conn, Path(directory), fmt)
    engine.dispose()
    for name, n in counts.items():
        click.echo(f"{name}.{fmt}: {n} rows", err=True)
    click.echo(f"exported {len(counts)} files to {directory}")


@cli.command("chart")
@click.argument("indicator")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="FILE.png or FILE.html")
@click.pass_obj
def chart_cmd(obj: Ctx, indicator: str, output: str) -> None:
    """Draw INDICATOR's series over time (its most reported unit and basis) to a PNG or HTML file."""
    from pathlib import Path

    from pressroom.charts import draw
    from warehouse.queries import series

    engine = _engine(obj.cfg)
    with engine.connect() as conn:
        rows = series(conn, indicator)
    engine.dispose()
    try:
        drawn = draw(indicator, rows, Path(output))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if not drawn["cjk_font"]:
        click.echo("note: no CJK font installed; the picture's title shows the unit, the HTML shows the name", err=True)
    click.echo(f"{output}: {len(drawn['points'])} points ({drawn['unit']}, {drawn['basis']})")


@cli.command("lineage")
@click.argument("figure_id", type=int)
@click.pass_obj
def lineage_cmd(obj: Ctx, figure_id: int) -> None:
    """Where a figure comes from: its fact's every mention, documents, raw files and fetching runs."""
    import json

    from warehouse.queries import lineage

    engine = _engine(obj.cfg)
    with engine.connect() as conn:
        rows = lineage(conn, figure_id)
    engine.dispose()
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False, default=str))
    if not rows:
        raise click.UsageError(f"no figure {figure_id}")


def main() -> None:
    try:
        cli(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_FAILURES)
    except click.UsageError as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except SystemExit:
        raise
    except Exception as exc:  # a stage that could not run at all
        click.echo(f"ERROR: {type(exc).__name__}: {exc}", err=True)
        if os.environ.get("PRESSROOM_DEBUG"):
            traceback.print_exc()
        else:
            click.echo("(set PRESSROOM_DEBUG=1 for the traceback)", err=True)
        sys.exit(EXIT_STAGE_ERROR)
