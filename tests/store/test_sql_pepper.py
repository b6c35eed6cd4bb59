"""The pepper: PINs, passwords and card numbers hashed with the member server's secret, so a
copied database gives none of them away; a store keeps its pepper; hashes made before it
upgrade on the next right sign-in; and the pepper is written nowhere."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, Type
from argon2.exceptions import VerificationError
from sqlalchemy import create_engine, select, update
from sqlalchemy.pool import NullPool

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import AppError, ErrorCode
from desktop_app.store import open_store
from desktop_app.store.sql import SqlStore
from desktop_app.store.sql.hashing import PEPPERED, SecretHasher
from desktop_app.store.sql.keys import StoreKeys
from desktop_app.store.sql.schema import Base, Card, WebCredential

from .conftest import DEVICE, ITO, SATO, SUZUKI, TAKAHASHI, TANAKA, WATANABE, YAMADA

PEPPER = bytes.fromhex("8f1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff0")
OTHER_PEPPER = bytes(range(32))
MEMBERS = (YAMADA, SATO, SUZUKI, TANAKA, TAKAHASHI, ITO, WATANABE)


def _plain_argon2() -> PasswordHasher:
    """What an attacker with a copy of the database runs: argon2id of the test profile."""
    return PasswordHasher(time_cost=1, memory_cost=1_024, parallelism=1, type=Type.ID)


def _matches(stored: str, guess: str) -> bool:
    try:
        return _plain_argon2().verify(stored, guess)
    except VerificationError:
        return False


def _pin_hash(url: str, card_number: str, pepper: bytes | None) -> str:
    engine = create_engine(url, poolclass=NullPool)
    lookup = StoreKeys(pepper).card_lookup(card_number)
    try:
        with engine.connect() as connection:
            stored = connection.scalar(select(Card.pin_hash).where(Card.card_lookup == lookup))
    finally:
        engine.dispose()
    assert stored is not None
    return str(stored)


def _everything(url: str) -> str:
    """Every value of every table, as one text."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return "\n".join(
                repr(tuple(row))
                for table in Base.metadata.sorted_tables
                for row in connection.execute(select(table))
            )
    finally:
        engine.dispose()


def _refusal(call: Any) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


@pytest.mark.slow
def test_a_copied_database_gives_no_pin_away_without_the_pepper(
    tmp_path: Path, clock: FixedClock
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    SqlStore(url, clock, hash_profile="fast", pepper=PEPPER).close()
    stored = _pin_hash(url, YAMADA[0], PEPPER)
    assert stored.startswith(PEPPERED)
    argon2_part = stored.removeprefix(PEPPERED)
    pins = [f"{n:04d}" for n in range(10_000)]
    with ThreadPoolExecutor(max_workers=2) as pool:  # argon2 runs outside the GIL
        found = [
            pin
            for pin, hit in zip(
                pins, pool.map(lambda p: _matches(argon2_part, p), pins), strict=True
            )
            if hit
        ]
    assert found == []  # every one of the 10,000 PINs tried: none is it
    assert not SecretHasher("fast").verify(stored, YAMADA[1])  # nor the store's own, bare
    # The same search finds the PIN of a store without a pepper, in at most 10,000 tries.
    plain_url = f"sqlite:///{tmp_path / 'local.db'}"
    SqlStore(plain_url, clock, hash_profile="fast").close()
    unpeppered = _pin_hash(plain_url, YAMADA[0], None)
    assert next(pin for pin in pins if _matches(unpeppered, pin)) == YAMADA[1]


def test_a_copied_database_holds_no_card_number_pin_or_password(
    tmp_path: Path, clock: FixedClock
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    store = SqlStore(url, clock, hash_profile="fast", pepper=PEPPER)
    try:
        store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        store.sign_in_with_web_id(SATO[2], SATO[3], DEVICE)
        assert store.unlock_card(TANAKA[0])
    finally:
        store.close()
    everything = _everything(url)
    last_fours = {member[0][-4:] for member in MEMBERS}  # 山田's PIN is also his last four
    for card_number, pin, _web_id, password in MEMBERS:
        assert card_number not in everything
        assert card_number[:12] not in everything  # not even most of it
        if pin not in last_fours:
            assert f"'{pin}'" not in everything
        if password is not None:
            assert password not in everything
    assert "'7777'" in everything  # what is kept: the last four digits
    assert PEPPER.hex() not in everything and repr(PEPPER)[2:-1] not in everything
    # The lookups are the pepper's: the local store's key finds none of them.
    assert StoreKeys(None).card_lookup(YAMADA[0]) not in everything
    assert StoreKeys(PEPPER).card_lookup(YAMADA[0]) in everything


def test_a_store_keeps_its_pepper(tmp_path: Path, clock: FixedClock) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    SqlStore(url, clock, hash_profile="fast", pepper=PEPPER).close()
    for pepper in (OTHER_PEPPER, None):
        refused = _refusal(lambda p=pepper: SqlStore(url, clock, hash_profile="fast", pepper=p))
        assert refused == AppError(ErrorCode.STORE_KEY_MISMATCH)
    store = open_store(url, clock, hash_profile="fast", pepper=PEPPER)
    try:
        assert store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).member_number == "100000001"
    finally:
        store.close()
    local = f"sqlite:///{tmp_path / 'local.db'}"
    SqlStore(local, clock, hash_profile="fast").close()
    refused = _refusal(lambda: SqlStore(local, clock, hash_profile="fast", pepper=PEPPER))
    assert refused == AppError(ErrorCode.STORE_KEY_MISMATCH)


def test_hashes_made_before_the_pepper_are_peppered_at_the_next_sign_in(
    db_url: str, clock: FixedClock
) -> None:
    store = SqlStore(db_url, clock, hash_profile="fast", pepper=PEPPER)
    plain = SecretHasher("fast")
    try:
        with store.engine.begin() as connection:  # as a store made before the pepper has them
            connection.execute(update(Card).values(pin_hash=plain.hash(YAMADA[1])))
            connection.execute(update(WebCredential).values(password_hash=plain.hash(YAMADA[3])))
        refused = _refusal(lambda: store.sign_in_with_card(YAMADA[0], "9999", DEVICE))
        assert refused.code is ErrorCode.SIGNIN_FAILED_CARD
        assert not _pin_hash(db_url, YAMADA[0], PEPPER).startswith(PEPPERED)
        store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
        store.sign_in_with_web_id(YAMADA[2], YAMADA[3], DEVICE)
        upgraded = _pin_hash(db_url, YAMADA[0], PEPPER)
        assert upgraded.startswith(PEPPERED)
        assert not _matches(upgraded.removeprefix(PEPPERED), YAMADA[1])
        with store.engine.connect() as connection:
            passwords = dict(
                connection.execute(select(WebCredential.web_id, WebCredential.password_hash)).all()
            )
        assert passwords[YAMADA[2]].startswith(PEPPERED)
        assert not passwords[SATO[2]].startswith(PEPPERED)  # not signed in yet: as it was
        assert store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).member_number == "100000001"
    finally:
        store.close()


def test_the_pepper_is_never_logged(
    tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"sqlite:///{tmp_path / 'server.db'}"
    with caplog.at_level(logging.DEBUG):
        store = SqlStore(url, clock, hash_profile="fast", pepper=PEPPER)
        try:
            store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE)
            _refusal(lambda: store.sign_in_with_card(SATO[0], "0000", DEVICE))
            logging.getLogger("test").info("%r %r", store._hasher, store._keys)
        finally:
            store.close()
        _refusal(lambda: SqlStore(url, clock, hash_profile="fast", pepper=OTHER_PEPPER))
    assert "store_key_mismatch" in caplog.text
    for secret in (PEPPER, OTHER_PEPPER):
        assert secret.hex() not in caplog.text
        assert repr(secret)[2:-1] not in caplog.text
    assert YAMADA[0] not in caplog.text and SATO[0] not in caplog.text


def test_a_short_pepper_is_refused(tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        SqlStore(f"sqlite:///{tmp_path / 's.db'}", clock, hash_profile="fast", pepper=b"short")


def _store_of_revision_0005(url: str, pin_hash: str) -> None:
    """A store made by a client before revision 0006: one member, the card number plain."""
    from sqlalchemy import MetaData

    from desktop_app.domain.clock import TOKYO
    from desktop_app.store.sql import engine as engine_module

    engine = engine_module.create_store_engine(url)
    try:
        engine_module.upgrade_to_head(engine, "0005")
        tables = MetaData()
        tables.reflect(engine, only=["members", "cards", "outbox"])
        created = datetime(2024, 1, 1, 9, 0, tzinfo=TOKYO)
        with engine.begin() as connection:
            connection.execute(
                tables.tables["members"].insert(),
                {
                    "id": 1,
                    "member_number": "100000001",
                    "name": "山田 太郎",
                    "name_kana": "ヤマダ タロウ",
                    "birth_date": date(1985, 4, 12),
                    "email": "yamada@example.jp",
                    "phone": "09012345678",
                    "web_statements": False,
                    "status": "active",
                    "last_sign_in_at": None,
                    "created_at": created.replace(tzinfo=None),
                },
            )
            connection.execute(
                tables.tables["cards"].insert(),
                {
                    "member_id": 1,
                    "card_number": YAMADA[0],
                    "pin_hash": pin_hash,
                    "status": "active",
                    "failed_pin_count": 0,
                    "failed_pin_day": None,
                },
            )
            connection.execute(
                tables.tables["outbox"].insert(),
                {
                    "member_id": 1,
                    "channel": "sms",
                    "subject": "【こはくローン】確認コードのお知らせ",
                    "body": "【こはくローン】パスワード再設定の確認コードは 482913 です。",
                    "created_at": created.replace(tzinfo=None),
                },
            )
    finally:
        engine.dispose()


def test_a_store_from_before_0006_is_keyed_and_purged_of_codes_when_opened(
    db_url: str, clock: FixedClock
) -> None:
    _store_of_revision_0005(db_url, SecretHasher("fast").hash(YAMADA[1]))
    store = SqlStore(db_url, clock, hash_profile="fast", seed=False, pepper=PEPPER)
    try:
        with store.engine.connect() as connection:
            row = connection.execute(
                select(Card.legacy_card_number, Card.card_lookup, Card.card_last4)
            ).one()
        assert tuple(row) == (None, StoreKeys(PEPPER).card_lookup(YAMADA[0]), "1234")
        assert YAMADA[0] not in _everything(db_url)
        assert "482913" not in _everything(db_url)  # a code written into a body before 0006
        assert "確認コードは •••••• です" in store.sent_messages()[-1].body
        assert store.sign_in_with_card(YAMADA[0], YAMADA[1], DEVICE).member_number == "100000001"
        assert _pin_hash(db_url, YAMADA[0], PEPPER).startswith(PEPPERED)  # and upgraded
    finally:
        store.close()
    refused = _refusal(lambda: SqlStore(db_url, clock, hash_profile="fast", seed=False))
    assert refused == AppError(ErrorCode.STORE_KEY_MISMATCH)  # it keeps its pepper now
