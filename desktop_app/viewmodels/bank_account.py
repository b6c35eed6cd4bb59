"""The bank account's own inputs: the account types a member may register and the account
holder's field, and the line that shows a registered account."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.domain import fields
from desktop_app.domain.errors import ErrorCode
from desktop_app.domain.models import BankAccount
from desktop_app.i18n import N_, _
from desktop_app.viewmodels.bank_names import bank_name, branch_name
from desktop_app.viewmodels.field import FieldViewModel
from desktop_app.viewmodels.messages import error_sentence
from desktop_app.viewmodels.services import Services

ACCOUNT_TYPES = (("ordinary", N_("Ordinary")), ("current", N_("Current")))
"""The account types a member may register: (stored value, caption)."""


def account_line(account: BankAccount) -> str:
    """「みずほ銀行 東京営業部 普通 ***4567」."""
    kind = dict(ACCOUNT_TYPES).get(account.account_type, ACCOUNT_TYPES[1][1])
    return " ".join(
        (
            bank_name(account.bank_name, account.bank_code),
            branch_name(account.branch_name, account.branch_code),
            _(kind),
            account.masked_number,
        )
    )


class HolderField(FieldViewModel):
    """The account holder: every refusal shows as the member types (a name too long for the
    全銀 field does not get shorter by typing on), and the field keeps what was typed: the
    preview shows what will be stored."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(services, fields.account_holder, parent, display=lambda raw: raw)

    def _render(self) -> None:
        super()._render()
        error = self.result.error
        if error is not None and error.code is not ErrorCode.REQUIRED and not self.field_error:
            self.field_error = error_sentence(error)
