"""
### rmrb_daily

People's Daily e-paper, one paper day per run: **crawl** (a subprocess, judged by its stats) →
**parse** (landed pages → documents, no network) → **load** (warehouse, idempotent).

The paper day is the run's logical date in Asia/Shanghai; the run starts at 06:30 there, after
the paper is out. Re-running a day changes nothing; landed pages are not downloaded again.
Settings: Airflow Variables `pressroom_data`, `pressroom_db_url`, `pressroom_mirror`.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import dag, get_current_context, task


@dag(
    dag_id="rmrb_daily",
    schedule="30 6 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Asia/Shanghai"),
    catchup=False,
    max_active_runs=1,
    tags=["pressroom", "rmrb"],
    doc_md=__doc__,
    default_args={
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": 2.0,
        "execution_timeout": timedelta(hours=1),
    },
)
def rmrb_daily() -> None:
    @task
    def crawl() -> dict:
        from pressroom.airflow_tasks import crawl_task

        return crawl_task("rmrb", get_current_context())

    @task
    def parse(crawled: dict) -> dict:
        from pressroom.airflow_tasks import parse_task

        return parse_task("rmrb", get_current_context())

    @task
    def load(parsed: dict) -> dict:
        from pressroom.airflow_tasks import load_task

        return load_task("rmrb", get_current_context())

    load(parse(crawl()))


rmrb_daily()
