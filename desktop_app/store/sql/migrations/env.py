"""Alembic environment of the SQL store.

The store runs migrations programmatically and hands its connection over in
``config.attributes["connection"]``. To write a new revision, autogenerate it against a
database at head, e.g.::

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message="...", autogenerate=True, rev_id="0002")

or pass ``-x url=...`` (or ``sqlalchemy.url``) when running the alembic command line with
``script_location`` pointing here.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from desktop_app.store.sql.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise RuntimeError("no connection given and no sqlalchemy.url configured")
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            _run(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported")
run_migrations_online()
