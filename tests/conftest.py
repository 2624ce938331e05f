"""Shared fixtures: the real spaCy pipeline (loaded once), and ../shared when present."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from glob import glob
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared corpora and scorers beside the checkout; skips the test when absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared is not here (a user's machine)")
    return SHARED


@pytest.fixture(scope="session")
def pipe():
    """The real pipeline with the real spaCy model, loaded once for the session."""
    import wiretrace

    return wiretrace.load()


PG_ENV = "WIRETRACE_TEST_PG"


def _pg_bin(name: str) -> str | None:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A PostgreSQL server for the PostgreSQL tests: the one WIRETRACE_TEST_PG names, else a
    throwaway one started here (initdb + pg_ctl, a Unix socket, no TCP), else the test skips.

    PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` user, in a
    folder of its own under the system temp dir (pytest's are closed to other users).
    """
    if os.environ.get(PG_ENV):
        yield os.environ[PG_ENV]
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip(f"no PostgreSQL server binaries here and {PG_ENV} is not set")
    base = Path(tempfile.mkdtemp(prefix="wiretrace-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    user = "postgres" if prefix else None
    run = lambda *cmd: subprocess.run([*prefix, *cmd], check=True, capture_output=True, timeout=120)  # noqa: E731
    run(initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    run(pg_ctl, "-D", str(data), "-w", "-l", str(base / "log"), "-o", f"-k {sock} -c listen_addresses=''", "start")
    try:
        yield f"postgresql+psycopg://{user or 'postgres'}@/postgres?host={sock}"
    finally:
        run(pg_ctl, "-D", str(data), "-w", "-m", "fast", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty database on the test server for one test; dropped afterwards."""
    import sqlalchemy as sa

    name = f"wiretrace_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
        admin.dispose()
