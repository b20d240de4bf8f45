"""
### reparse

Re-applies the current parser and extractor to pages already landed for a source and date range,
and reloads the warehouse: no network. Trigger it by hand with `source`, `from_date` and
`to_date` (e.g. after a parser fix); documents and facts that did not change are left alone.
The quality gates run on every day afterwards.
"""

from pressroom.airflow_dag import reparse_dag
from pressroom.sources import SOURCES

reparse = reparse_dag(sorted(SOURCES), doc=__doc__)
