"""Store: the database (SQLite or PostgreSQL), its locks and its Alembic migrations."""
