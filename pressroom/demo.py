"""`pressroom demo`: the main job, end to end, without internet: the bundled sample e-paper (one day
per site generation) served on 127.0.0.1, crawled over HTTP, landed, parsed and loaded into the
embedded warehouse; then what landed is shown."""

from __future__ import annotations

import click
from sqlalchemy import func, select

from pressroom.config import Config
from pressroom.mirror import MirrorServer
from pressroom.samplesite import SAMPLE_DAYS, SAMPLE_SITE


def run_demo(cfg: Config, *, quiet: bool = False) -> int:
    from pressroom.cli import run_pipeline, summary_line
    from warehouse.db import make_engine
    from warehouse.models import Document, FigureRow, SourceDay

    status = 0
    click.echo(f"landing area: {cfg.data}\nwarehouse:    {cfg.db_url}", err=True)
    with MirrorServer(SAMPLE_SITE) as mirror:
        click.echo(f"sample site served on {mirror.url}", err=True)
        days = sorted(SAMPLE_DAYS.values())
        click.echo(f"crawling 人民日报 {', '.join(f'{d} ({g})' for g, d in SAMPLE_DAYS.items())}", err=True)
        counts, problems = run_pipeline(cfg, "rmrb", [(d, d) for d in days], mirror=mirror.url, refresh=False, delay=None, quiet=quiet)
        for p in problems:
            click.echo(f"FAILED: {p}", err=True)
        status = 1 if problems else 0

    engine = make_engine(cfg.db_url)
    with engine.connect() as conn:
        click.echo("\nWhat landed in the warehouse:")
        for row in conn.execute(select(SourceDay.day, SourceDay.status, SourceDay.generation).order_by(SourceDay.day)):
            n = conn.scalar(select(func.count()).select_from(Document).where(Document.pub_date == row.day))
            nf = conn.scalar(select(func.count()).select_from(FigureRow).join(Document, Document.id == FigureRow.document_id).where(Document.pub_date == row.day))
            click.echo(f"  {row.day} {row.generation or '':<3} {row.status:<9} {n} documents, {nf} figures")
            for d in conn.execute(
                select(Document.page_no, Document.page_name, Document.title).where(Document.pub_date == row.day).order_by(Document.page_no, Document.url)
            ):
                click.echo(f"      {d.page_no}版 {d.page_name or '':<4} {d.title}")
        example = conn.execute(
            select(FigureRow.indicator_full, FigureRow.value, FigureRow.unit_text, FigureRow.period, FigureRow.basis,
                   FigureRow.direction, Document.pub_date).join(Document, Document.id == FigureRow.document_id).order_by(Document.pub_date.desc(), FigureRow.id).limit(5)).all()
        if example:
            click.echo("\nSome figures (indicator, value, period, basis, direction):")
            for f in example:
                click.echo(f"  {f.pub_date} {f.indicator_full}: {f.value:g}{f.unit_text} {f.period or ''} {f.basis or ''} {f.direction or ''}".rstrip())
    engine.dispose()
    click.echo(summary_line("demo", "rmrb", days[0], days[-1], counts))
    return status
