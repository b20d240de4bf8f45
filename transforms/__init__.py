"""Pure parsing: landed bytes in, typed records out. No network, database or Airflow here."""

PARSER_VERSION = "pages-2"
