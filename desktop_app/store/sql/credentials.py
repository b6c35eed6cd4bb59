"""``CredentialOperations``: Web-ID registration and password reset by a 6-digit code, and the
outbox a demo host shows (``sent_messages``: not part of the member protocol).

Each has its module: ``registration``, ``password_reset`` and ``outbox``; the codes both flows
send and check (six digits, kept only as a salted hash, 10 minutes and 5 tries) are in
``codes``, how often they may be asked for and guessed in ``code_limits``.
"""

from __future__ import annotations

from desktop_app.store.sql.outbox import OutboxOperations
from desktop_app.store.sql.password_reset import PasswordResetOperations
from desktop_app.store.sql.registration import RegistrationOperations

__all__ = ["CredentialOperations"]


class CredentialOperations(RegistrationOperations, PasswordResetOperations, OutboxOperations):
    """Registering a Web-ID and resetting a password with a code; the outbox."""
