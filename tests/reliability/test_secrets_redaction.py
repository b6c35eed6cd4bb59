"""What the one handler's ``redact`` takes out of a log line or a traceback, and what it
leaves for whoever reads the log."""

from __future__ import annotations

import gc
import secrets
import types

from desktop_app.viewmodels.crash import MASK, redact, remember_secret


def test_a_remembered_secret_is_masked_as_typed_and_in_full_width():
    pin = "7" + f"{secrets.randbelow(1000):03d}"
    password = "Qx" + secrets.token_hex(4) + "9"
    remember_secret(pin)
    remember_secret(password)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in password)
    text = redact(f"ValueError: bad {pin!r} then {password}; later {full_width}.")
    assert pin not in text and password not in text and full_width not in text
    assert text.count(MASK) == 3
    assert text.startswith("ValueError: bad '")


def test_the_secret_itself_is_not_kept_by_the_handler():
    value = "Zz" + secrets.token_hex(5) + "1"  # made at run time: no constant holds it
    remember_secret(value)
    gc.collect()
    holders = []
    for obj in gc.get_objects():
        if isinstance(obj, types.FrameType):
            continue  # this test's own frame holds it
        for item in gc.get_referents(obj):  # a plain loop: no closure cell holds ``value``
            if type(item) is str and item == value:
                holders.append(type(obj).__qualname__)
                break
    assert holders == []  # the handler keeps a keyed digest only


def test_what_looks_like_a_secret_is_masked_and_the_rest_kept():
    line = (
        'File "/app/desktop_app/store/sql/signin.py", line 271, in sign_in_with_card\n'
        "KeyError: password='hunter2x9' pin=8642 token: abc Authorization: Bearer eyJhbGciOi.J9"
        " session kq3V8zPq7ReH2dM5sN1tW4yX6bA9cF0g amount 30000"
    )
    text = redact(line)
    for secret in ("hunter2x9", "8642", "eyJhbGciOi.J9", "kq3V8zPq7ReH2dM5sN1tW4yX6bA9cF0g"):
        assert secret not in text
    for kept in ("line 271", "sign_in_with_card", "signin.py", "amount 30000", "KeyError"):
        assert kept in text
