"""One well-formed request of every profile endpoint, as the server's tests send them: the
method and path, the query and the body. Sent as yamada, none changes a secret, whatever the
code: a code is asked for the email, whose change names the email yamada has (refused as
nothing changed before the code is tried); the other coded changes have no code asked."""

from __future__ import annotations

from typing import Any, NamedTuple

from desktop_app.store.remote.wire import Paths


class ProfileRequest(NamedTuple):
    body: dict[str, Any] | None = None
    query: dict[str, Any] | None = None


PROFILE_REQUESTS: dict[tuple[str, str], ProfileRequest] = {
    ("get", Paths.PROFILE): ProfileRequest(),
    ("get", Paths.PROFILE_CHANGES): ProfileRequest(query={"limit": 20}),
    ("post", Paths.ADDRESS): ProfileRequest(
        {"postal_code": "1000001", "town": "東京都千代田区千代田", "line2": "１－１"}
    ),
    ("post", Paths.PHONE): ProfileRequest({"phone": "09011112222"}),
    ("post", Paths.WORKPLACE): ProfileRequest({"name": "株式会社こはく", "phone": "0312345678"}),
    ("post", Paths.CHANGE_CODES): ProfileRequest({"change": "email"}),
    ("post", Paths.EMAIL): ProfileRequest({"email": "yamada@example.jp", "code": "4821"}),
    ("post", Paths.BANK_ACCOUNT): ProfileRequest(
        {
            "account": {
                "bank_code": "0001",
                "branch_code": "001",
                "account_type": "ordinary",
                "account_number": "1234567",
                "holder": "ﾔﾏﾀﾞ ﾀﾛｳ",
            },
            "code": "4821",
        }
    ),
    ("post", Paths.WEB_ID): ProfileRequest(
        {"web_id": "taro2027", "password": "Taro2026pass", "code": "4821"}
    ),
    ("post", Paths.PASSWORD): ProfileRequest(
        {"password": "Taro2026pass", "new_password": "Taro2027pass", "code": "4821"}
    ),
    ("post", Paths.DUE_DAY_EFFECT): ProfileRequest({"due_day": 5, "auto_debit": None}),
    ("post", Paths.DUE_DAY): ProfileRequest({"due_day": 25}),
    ("post", Paths.AUTO_DEBIT): ProfileRequest({"enabled": False, "due_day": 25}),
    ("post", Paths.REMINDER): ProfileRequest({"enabled": True, "days_before": 3, "hour": 9}),
    ("post", Paths.WEB_STATEMENTS): ProfileRequest({"enabled": True}),
}
