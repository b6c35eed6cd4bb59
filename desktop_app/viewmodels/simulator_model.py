"""The simulator's helpers: the schedule table, where a simulation starts from the account
summary, the months parser and the work that runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import IntEnum

from PySide6.QtCore import QObject

from desktop_app.domain import loan, simulation
from desktop_app.domain.calendar import ServiceCalendar
from desktop_app.domain.errors import AppError
from desktop_app.domain.models import AccountSummary
from desktop_app.domain.rules import MONTH_END
from desktop_app.domain.simulation import MAX_MONTHS, Debt, Schedule, ScheduleRow
from desktop_app.domain.text import FULLWIDTH_DIGITS
from desktop_app.i18n import N_, format_short_date, format_yen
from desktop_app.viewmodels.table import TextTableModel


class ScheduleColumn(IntEnum):
    """The schedule table's columns, in order."""

    NUMBER = 0
    DAY = 1
    PAYMENT = 2
    INTEREST = 3
    PRINCIPAL = 4
    REMAINING = 5


COLUMNS = (
    N_("No."),
    N_("Payment date"),
    N_("Payment"),
    N_("Interest"),
    N_("Principal"),
    N_("Principal balance"),
)
# AccountSummary carries no due day. A member without a next due date (nothing borrowed) is
# simulated as if the 25th were chosen (the last of the store's due days when the 25th is not
# one); one with a due date keeps the day that date came from.
HYPOTHETICAL_DUE_DAY = 25


def hypothetical_due_day(due_days: tuple[int, ...]) -> int:
    return HYPOTHETICAL_DUE_DAY if HYPOTHETICAL_DUE_DAY in due_days else due_days[-1]


_MONTH_SUFFIXES = ("回", "か月", "ヶ月", "ヵ月", "カ月", "ケ月")

# (generation, schedule or refusal): a result knows which input it answers
Outcome = tuple[int, Schedule | AppError]


def parse_months(text: str) -> int | None:
    """``12``, ``１２``, ``12回`` or ``12か月`` → 12; ``None`` unless 1 to ``MAX_MONTHS``."""
    value = text.translate(FULLWIDTH_DIGITS).strip().replace(" ", "").replace("\u3000", "")
    for suffix in _MONTH_SUFFIXES:
        value = value.removesuffix(suffix)
    if not value.isascii() or not value.isdigit() or len(value) > 3:
        return None
    months = int(value)
    return months if 1 <= months <= MAX_MONTHS else None


def nominal_due_date(effective: date, calendar: ServiceCalendar) -> tuple[int, date]:
    """The due day and the nominal due date that the business-day shift turned into
    ``effective`` (the summary shows the shifted date: 25 July on a Saturday is 27 July, and
    31 August on a Saturday is 2 September), among the store's due days (the calendar's
    rules, from its terms). Falls back to ``effective`` itself."""
    previous_month = effective.replace(day=1) - timedelta(days=1)
    found: tuple[int, date] | None = None
    for year, month in (
        (effective.year, effective.month),
        (previous_month.year, previous_month.month),
    ):
        for due_day in calendar.rules.loan.due_days:
            nominal = loan.due_date_in(year, month, due_day)
            if (
                nominal <= effective
                and (found is None or nominal > found[1])
                and calendar.effective_due_date(nominal) == effective
            ):
                found = (due_day, nominal)
    if found is not None:
        return found
    last_day = (effective.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return (MONTH_END if effective == last_day else effective.day), effective


def debt_from_summary(
    summary: AccountSummary, principal: int, today: date, calendar: ServiceCalendar
) -> Debt:
    """Where a simulation of ``principal`` starts for this member today.

    Unpaid interest and late damages are owed first; the first payment is on the account's
    next due date (its nominal date: the simulation shifts it again). Without one — nothing
    borrowed yet — the first payment follows the first-borrowing rule for the 25th.
    """
    if summary.next_due_date is not None:
        due_day, first_due = nominal_due_date(summary.next_due_date, calendar)
    else:
        due_day = hypothetical_due_day(calendar.rules.loan.due_days)
        first_due = loan.first_due_date(due_day, today)
    return Debt(
        principal=principal,
        rate=summary.annual_rate,
        today=today,
        due_day=due_day,
        unpaid_interest=summary.accrued_interest + summary.late_damages,
        interest_free_until=summary.interest_free_until,
        first_due=first_due,
    )


class ScheduleTableModel(TextTableModel[ScheduleRow]):
    """The rows of a ``Schedule``: number, date, payment, interest, principal, balance."""

    COLUMNS = COLUMNS
    LEFT_ALIGNED = frozenset({ScheduleColumn.DAY})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ScheduleRow, ...] = ()

    def _text(self, row: ScheduleRow, column: int) -> str:
        match ScheduleColumn(column):
            case ScheduleColumn.NUMBER:
                return str(row.number)
            case ScheduleColumn.DAY:
                return format_short_date(row.day)  # a column: the short form
            case ScheduleColumn.PAYMENT:
                return format_yen(row.payment)
            case ScheduleColumn.INTEREST:
                return format_yen(row.interest)
            case ScheduleColumn.PRINCIPAL:
                return format_yen(row.principal)
            case ScheduleColumn.REMAINING:
                return format_yen(row.remaining)

    @property
    def rows(self) -> tuple[ScheduleRow, ...]:
        return self._rows

    def set_schedule(self, schedule: Schedule | None) -> None:
        rows = schedule.rows if schedule is not None else ()
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


def simulate(
    generation: int,
    summary: AccountSummary,
    principal: int,
    today: date,
    calendar: ServiceCalendar,
    mode: str,
    value: int,
) -> Outcome:
    """Runs off the GUI thread (the calendar loads the holiday tables on first use)."""
    debt = debt_from_summary(summary, principal, today, calendar)
    compute: Callable[[Debt, int, ServiceCalendar], Schedule] = (
        simulation.by_monthly_amount if mode == "monthly" else simulation.by_months
    )
    try:
        return generation, compute(debt, value, calendar)
    except AppError as error:
        return generation, error.detached()
