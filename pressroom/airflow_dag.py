"""The DAG shapes every source shares; the files in dags/ call these and hold nothing else.

- `<source>_daily`: **crawl** one day (a subprocess with a timeout, judged by its stats) on the
  source's schedule in Asia/Shanghai, in the pool `pressroom_<source>` (one crawl per site at a
  time by default). Its success updates the asset `pressroom://landing/<source>` with the day.
- `<source>_process`: scheduled on that asset, so a landed day triggers it: **parse** → **load**
  → **gates** (quality checks) for every day the triggering events name.
- `reparse`: manual; re-applies the current parser and extractor to landed pages of a source and
  date range (no network), then runs the gates.

Every task retries with exponential backoff (but the gates, which would fail the same way), has
an execution timeout, posts its failure to the alert webhook when one is configured
(pressroom.airflow_alerts), and each DAG has a deadline alert.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum

#: Backfills reach back to here (catchup is off: no run is made for the past unless asked).
START = "1990-01-01"


def _defaults(timeout_min: int) -> dict:
    from pressroom.airflow_alerts import notify_failure

    return {
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(hours=1),
        "execution_timeout": timedelta(minutes=timeout_min),
        "on_failure_callback": notify_failure,
    }


def _deadline(dag_id: str, within: timedelta, setting: str):  # type: ignore[no-untyped-def]
    """Alert when a run is not done `within` of being queued (for a scheduled run, queued at its
    scheduled time; a reference to the logical date would fire at once for every backfilled day).
    The environment variable `setting` (seconds), read when the DAG file is parsed, overrides it."""
    from airflow.sdk import AsyncCallback, DeadlineAlert, DeadlineReference

    if os.environ.get(setting):
        within = timedelta(seconds=float(os.environ[setting]))

    return DeadlineAlert(reference=DeadlineReference.DAGRUN_QUEUED_AT, interval=within,
                         callback=AsyncCallback("pressroom.airflow_alerts.deadline_missed",
                                                kwargs={"dag_id": dag_id, "within": str(within)}))


def daily_dag(source: str, *, schedule: str, doc: str, crawl_timeout_min: int = 60, deadline_hours: float = 3):  # type: ignore[no-untyped-def]
    """`<source>_daily`: crawl the run's day and announce it on the landing asset."""
    from airflow.sdk import CronTriggerTimetable, dag, get_current_context, task

    from pressroom.airflow_tasks import landed_asset

    dag_id = f"{source}_daily"

    # a trigger timetable, whatever the deployment's create_cron_data_intervals: the logical date
    # is the moment the run is for, so its day in Asia/Shanghai is the day to crawl
    @dag(dag_id=dag_id, schedule=CronTriggerTimetable(schedule, timezone="Asia/Shanghai"), start_date=pendulum.parse(START, tz="Asia/Shanghai"), catchup=False,
         max_active_runs=3, tags=["pressroom", source, "crawl"], doc_md=doc, default_args=_defaults(crawl_timeout_min + 10),
         deadline=_deadline(dag_id, timedelta(hours=deadline_hours), "PRESSROOM_CRAWL_DEADLINE_S"))
    def crawl_day() -> None:
        @task(pool=f"pressroom_{source}", outlets=[landed_asset(source)])
        def crawl() -> dict:
            from pressroom.airflow_tasks import crawl_task

            return crawl_task(source, get_current_context(), timeout=crawl_timeout_min * 60)

        crawl()

    return crawl_day()


def process_dag(source: str, *, doc: str, timeout_min: int = 30):  # type: ignore[no-untyped-def]
    """`<source>_process`: parse → load → gates for the days the landing asset's events name."""
    from airflow.sdk import Param, dag, get_current_context, task

    from pressroom.airflow_tasks import landed_asset, loaded_asset

    dag_id = f"{source}_process"

    @dag(dag_id=dag_id, schedule=[landed_asset(source)], start_date=pendulum.parse(START, tz="Asia/Shanghai"),
         # several runs at once: with one, an event that landed while a run was going was never
         # consumed (Airflow 3.3.2, seen in the scheduler test); loads serialise in the warehouse
         catchup=False, max_active_runs=8, tags=["pressroom", source, "load"], doc_md=doc,
         default_args=_defaults(timeout_min), deadline=_deadline(dag_id, timedelta(hours=1), "PRESSROOM_PROCESS_DEADLINE_S"),
         params={"day": Param(None, type=["null", "string"], format="date",
                              description="a landed day to process by hand (asset-triggered runs take theirs from the events)")})
    def process_day() -> None:
        @task
        def days() -> list[str]:
            from pressroom.airflow_tasks import landed_days

            return landed_days(get_current_context())

        @task
        def parse(days: list[str]) -> list[str]:
            from pressroom.airflow_tasks import parse_task

            parse_task(source, days, get_current_context())
            return days

        @task(outlets=[loaded_asset(source)])
        def load(days: list[str]) -> list[str]:
            from pressroom.airflow_tasks import load_task

            load_task(source, days, get_current_context())
            return days

        @task(retries=0)
        def gates(days: list[str]) -> None:
            from pressroom.airflow_tasks import gates_task

            gates_task(source, days, get_current_context())

        gates(load(parse(days())))

    return process_day()


def reparse_dag(sources: list[str], *, doc: str, timeout_min: int = 120):  # type: ignore[no-untyped-def]
    """`reparse`: manual, params source and date range; reparse → gates."""
    from airflow.sdk import Param, dag, get_current_context, task

    @dag(dag_id="reparse", schedule=None, start_date=pendulum.parse(START, tz="Asia/Shanghai"), catchup=False,
         tags=["pressroom", "reparse"], doc_md=doc, default_args=_defaults(timeout_min),
         params={"source": Param("rmrb", enum=sources, description="which source's landed pages"),
                 "from_date": Param("2024-03-27", type="string", format="date"),
                 "to_date": Param(None, type=["null", "string"], format="date", description="default: from_date")})
    def reparse() -> None:
        @task
        def reparse_days() -> dict:
            from pressroom.airflow_tasks import reparse_task

            return reparse_task(get_current_context())

        @task(retries=0)
        def gates(result: dict) -> None:
            from pressroom.airflow_tasks import gates_task

            if result["landed_days"]:  # days of the range never crawled have nothing to check
                gates_task(result["source"], result["landed_days"], get_current_context())

        gates(reparse_days())

    return reparse()
