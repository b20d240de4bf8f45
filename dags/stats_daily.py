"""
### stats_daily

国家统计局 releases of the run's day from the release lists: crawl, then parse → load → quality gates in `stats_process`, which the landed day triggers. Releases go out
at 09:30 or 10:00 Beijing time; the run starts at 11:00 Asia/Shanghai. An anti-bot challenge fails
the crawl task with the reason in its log.
"""

from pressroom.airflow_dag import daily_dag, process_dag

stats_daily = daily_dag("stats", schedule="0 11 * * *", doc=__doc__)
stats_process = process_dag("stats", doc=__doc__)
