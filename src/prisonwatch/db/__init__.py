"""The records and the one SQL layer that serves SQLite and PostgreSQL."""
