"""The member server: a FastAPI app, run by uvicorn workers, that serves a ``SqlStore`` to
the clients' ``HttpStore``. No Qt. It owns the server's clock, seeding, hash profile, pepper,
bearer tokens and sign-in throttling; the store stays the one authority for rules and figures."""
