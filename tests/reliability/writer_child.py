"""The writing process the kill -9 test kills: it opens the store file, signs in and borrows
and repays in a loop, printing each receipt's number (flushed) once the store returned it."""

from __future__ import annotations

import sys
import uuid
from datetime import datetime

from desktop_app.domain.clock import TOKYO, FixedClock
from desktop_app.domain.models import RepayIntent
from desktop_app.store.sql import SqlStore

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TOKYO)
CARD, PIN = "4000123412341234", "1234"  # 山田 太郎 (DOMAIN.md §8)


def main(url: str) -> None:
    store = SqlStore(url, FixedClock(NOW), hash_profile="fast", seed=False)
    session = store.sign_in_with_card(CARD, PIN, "kill-test")
    destination = store.bank_accounts(session.token)[0].id
    print("ready", flush=True)
    step = 0
    while True:
        request_id = uuid.uuid4().hex
        if step % 2 == 0:
            receipt = store.borrow(session.token, 1_000, destination, request_id)
            number = receipt.transaction_no
        else:
            number = store.repay(
                session.token, RepayIntent.AMOUNT, 1_000, "0009", request_id
            ).transaction_no
        print(number, request_id, flush=True)
        step += 1


if __name__ == "__main__":
    main(sys.argv[1])
