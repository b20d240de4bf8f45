"""
### govcn_daily

www.gov.cn policies (国务院文件, 部门文件, 其他文件) published on the run's day, found through the
site's search API: crawl, then parse → load → quality gates in `govcn_process`, which the landed day triggers. Runs at 23:00 Asia/Shanghai, when the day's documents are
out; re-running a day is safe and downloads only what is new.
"""

from pressroom.airflow_dag import daily_dag, process_dag

govcn_daily = daily_dag("govcn", schedule="0 23 * * *", doc=__doc__)
govcn_process = process_dag("govcn", doc=__doc__)
