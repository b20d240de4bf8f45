"""
### govcn_daily

www.gov.cn policies (国务院文件, 部门文件, 其他文件) published on the run's day, found through the
site's search API: crawl → parse → load. Runs at 23:00 Asia/Shanghai, when the day's documents are
out; re-running a day is safe and downloads only what is new.
"""

from pressroom.airflow_dag import daily_dag

govcn_daily = daily_dag("govcn", schedule="0 23 * * *", doc=__doc__)
