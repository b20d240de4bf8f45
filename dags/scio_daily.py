"""
### scio_daily

国务院新闻办公室 press conferences of the run's day and their 图文实录 transcripts: crawl → parse →
load. Transcripts often go up in the evening; the run starts at 22:00 Asia/Shanghai.
"""

from pressroom.airflow_dag import daily_dag, process_dag

scio_daily = daily_dag("scio", schedule="0 22 * * *", doc=__doc__)
scio_process = process_dag("scio", doc=__doc__)
