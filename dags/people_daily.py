"""
### people_daily

人民网 channel articles of the run's day (finance, politics, economy channels), multi-page
articles joined, reprints of the e-paper linked to it: crawl → parse → load, at 20:00
Asia/Shanghai.
"""

from pressroom.airflow_dag import daily_dag

people_daily = daily_dag("people", schedule="0 20 * * *", doc=__doc__)
