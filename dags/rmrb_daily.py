"""
### rmrb_daily, rmrb_process

People's Daily e-paper, one paper day per run. `rmrb_daily` **crawls** the day (a subprocess,
judged by its stats) at 06:30 Asia/Shanghai, after the paper is out; the landed day triggers
`rmrb_process`: **parse** (landed pages → documents and facts, no network) → **load**
(warehouse, idempotent) → **gates** (the day has articles, titles and dates, few parse failures,
plausible figure counts). Re-running a day changes nothing; landed pages are not downloaded again.
Settings: connection `pressroom_warehouse`, Variables `pressroom_data`, `pressroom_mirror`.
"""

from pressroom.airflow_dag import daily_dag, process_dag

rmrb_daily = daily_dag("rmrb", schedule="30 6 * * *", doc=__doc__)
rmrb_process = process_dag("rmrb", doc=__doc__)
