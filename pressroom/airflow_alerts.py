"""Notifications for operators: a failed task, and a daily run not done in time (a deadline alert),
are posted as JSON to a webhook through the HTTP provider's notifier. Off unless the Airflow
connection `pressroom_alerts` (or the one the Variable `pressroom_alert_conn` names) exists, e.g.

    AIRFLOW_CONN_PRESSROOM_ALERTS='{"conn_type": "http", "host": "https://hooks.slack.com/services/T/B/X"}'

The payload carries `text` (what Slack and Mattermost incoming webhooks show) and the fields an
operator needs to find the failure: DAG, task, run, try, day and the error.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("pressroom.alerts")
DEFAULT_CONN = "pressroom_alerts"


def alert_conn_id() -> str | None:
    """The alert connection's id if it exists (alerts are on), else None."""
    from pressroom.airflow_tasks import _variable

    conn_id = _variable("alert_conn") or DEFAULT_CONN
    try:
        from airflow.sdk import Connection

        Connection.get(conn_id)
    except Exception:  # no such connection: alerts are off
        return None
    return conn_id


def failure_payload(context: dict[str, Any]) -> dict[str, Any]:
    """What a failed task says: one line of text plus the fields, from the callback's context."""
    ti = context.get("task_instance") or context.get("ti")
    dag_id = getattr(ti, "dag_id", None) or getattr(context.get("dag"), "dag_id", "?")
    task_id = getattr(ti, "task_id", "?")
    run_id = context.get("run_id") or getattr(ti, "run_id", "?")
    error = context.get("exception")
    error_text = f"{type(error).__name__}: {error}" if error else "see the task log"
    return {
        "text": f"pressroom: {dag_id}.{task_id} failed in {run_id} (try {getattr(ti, 'try_number', '?')}): {error_text}",
        "dag_id": dag_id, "task_id": task_id, "run_id": run_id, "try_number": getattr(ti, "try_number", None),
        "logical_date": str(context.get("logical_date")), "error": error_text,
    }


def notify_failure(context: dict[str, Any]) -> None:
    """on_failure_callback of every task: post the failure to the alert webhook, if alerts are on."""
    conn_id = alert_conn_id()
    if conn_id is None:
        log.info("alerts are off (no Airflow connection %s)", DEFAULT_CONN)
        return
    from airflow.providers.http.notifications.http import HttpNotifier

    payload = failure_payload(context)
    HttpNotifier(http_conn_id=conn_id, json=payload).notify(context)
    log.info("alert sent through %s: %s", conn_id, payload["text"])


async def deadline_missed(context: dict[str, Any], **kwargs: Any) -> None:
    """Deadline alert callback (run by the triggerer): the run is not done in time."""
    conn_id = alert_conn_id()
    dag_run = context.get("dag_run")
    text = f"pressroom: {getattr(dag_run, 'dag_id', kwargs.get('dag_id', '?'))} run {getattr(dag_run, 'run_id', '?')} " \
           f"is not done {kwargs.get('within', 'in time')} after it was queued"
    log.warning(text)
    if conn_id is None:
        return
    from airflow.providers.http.notifications.http import HttpNotifier

    await HttpNotifier(http_conn_id=conn_id, json={"text": text, "kind": "deadline_missed", **kwargs}).async_notify(context)
