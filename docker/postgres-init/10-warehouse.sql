-- The warehouse lives beside Airflow's metadata database on the same server; its schema is made
-- by `pressroom db upgrade` (Alembic) in the airflow-init service.
CREATE DATABASE pressroom OWNER airflow;
