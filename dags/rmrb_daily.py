"""
### rmrb_daily

People's Daily e-paper, one paper day per run: **crawl** (a subprocess, judged by its stats) →
**parse** (landed pages → documents and facts, no network) → **load** (warehouse, idempotent).

The paper day is the run's logical date in Asia/Shanghai; the run starts at 06:30 there, after
the paper is out. Re-running a day changes nothing; landed pages are not downloaded again.
Settings: Airflow Variables `pressroom_data`, `pressroom_db_url`, `pressroom_mirror`.
"""

from pressroom.airflow_dag import daily_dag

rmrb_daily = daily_dag("rmrb", schedule="30 6 * * *", doc=__doc__)
