"""One daily DAG shape for every source: crawl (a subprocess, judged by its stats) → parse → load.
The files in dags/ call `daily_dag` and hold nothing else."""

from __future__ import annotations

from datetime import timedelta

import pendulum


def daily_dag(source: str, *, schedule: str, doc: str, start: str = "2024-01-01", crawl_timeout_min: int = 60):  # type: ignore[no-untyped-def]
    """The DAG `<source>_daily` for one source, scheduled in Asia/Shanghai."""
    from airflow.sdk import dag, get_current_context, task

    @dag(
        dag_id=f"{source}_daily",
        schedule=schedule,
        start_date=pendulum.parse(start, tz="Asia/Shanghai"),
        catchup=False,
        max_active_runs=1,
        tags=["pressroom", source],
        doc_md=doc,
        default_args={
            "retries": 2,
            "retry_delay": timedelta(minutes=5),
            "retry_exponential_backoff": 2.0,
            "execution_timeout": timedelta(minutes=crawl_timeout_min + 10),
        },
    )
    def pipeline() -> None:
        @task
        def crawl() -> dict:
            from pressroom.airflow_tasks import crawl_task

            return crawl_task(source, get_current_context(), timeout=crawl_timeout_min * 60)

        @task
        def parse(crawled: dict) -> dict:
            from pressroom.airflow_tasks import parse_task

            return parse_task(source, get_current_context())

        @task
        def load(parsed: dict) -> dict:
            from pressroom.airflow_tasks import load_task

            return load_task(source, get_current_context())

        load(parse(crawl()))

    return pipeline()
