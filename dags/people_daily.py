"""
### people_daily

人民网 channel articles of the run's day (finance, politics, economy channels), multi-page
articles joined, reprints of the e-paper linked to it: crawl, then parse → load → quality gates in `people_process`, which the landed day triggers, at 20:00
Asia/Shanghai.
"""

from pressroom.airflow_dag import daily_dag, process_dag

people_daily = daily_dag("people", schedule="0 20 * * *", doc=__doc__)
people_process = process_dag("people", doc=__doc__)
