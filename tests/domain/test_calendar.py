"""The service calendar (DOMAIN.md §2, §3, §5): business days, due dates that move, maintenance
windows and when borrowed money arrives. Every instant is Asia/Tokyo."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_app.domain.calendar import Arrival, Service, ServiceCalendar
from desktop_app.domain.clock import TOKYO

CALENDAR = ServiceCalendar()
TEN_SECONDS = timedelta(seconds=10)

MIZUHO = "0001"  # not a 24-hour bank
SMBC = "0009"  # 24-hour, stops Sunday 21:00 – Monday 7:00
PAYPAY = "0033"  # 24-hour, never stops
MUFG = "0005"
YUCHO = "9900"


def jst(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=TOKYO)


# -- business days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "business"),
    [
        pytest.param(date(2026, 11, 24), True, id="tue-after-labour-thanksgiving"),
        pytest.param(date(2026, 11, 23), False, id="labour-thanksgiving-monday"),
        pytest.param(date(2026, 11, 28), False, id="saturday"),
        pytest.param(date(2026, 11, 29), False, id="sunday"),
        pytest.param(date(2026, 12, 30), True, id="dec-30-wednesday"),
        pytest.param(date(2026, 12, 31), False, id="dec-31-thursday-closed"),
        pytest.param(date(2027, 1, 1), False, id="jan-1"),
        pytest.param(date(2027, 1, 2), False, id="jan-2"),
        pytest.param(date(2027, 1, 3), False, id="jan-3"),
        pytest.param(date(2027, 1, 4), True, id="jan-4-monday"),
        pytest.param(date(2027, 1, 5), True, id="jan-5-tuesday-not-a-holiday"),
        pytest.param(date(2028, 1, 3), False, id="jan-3-on-a-monday-still-closed"),
        pytest.param(date(2027, 12, 31), False, id="dec-31-on-a-friday-closed"),
        pytest.param(date(2026, 5, 6), False, id="golden-week-substitute-holiday"),
        pytest.param(date(2026, 9, 22), False, id="silver-week-national-holiday"),
        pytest.param(date(2027, 3, 22), False, id="vernal-equinox-substitute"),
        pytest.param(date(2027, 1, 11), False, id="coming-of-age-day"),
    ],
)
def test_business_days(day: date, business: bool) -> None:
    assert CALENDAR.is_business_day(day) is business


@pytest.mark.parametrize(
    ("nominal", "effective"),
    [
        pytest.param(date(2026, 11, 24), date(2026, 11, 24), id="business-day-stays"),
        pytest.param(date(2026, 11, 23), date(2026, 11, 24), id="holiday-monday-to-tuesday"),
        pytest.param(date(2026, 11, 28), date(2026, 11, 30), id="saturday-to-monday"),
        pytest.param(date(2026, 11, 29), date(2026, 11, 30), id="sunday-to-monday"),
        pytest.param(date(2026, 12, 31), date(2027, 1, 4), id="month-end-dec-to-jan-4"),
        pytest.param(date(2027, 1, 5), date(2027, 1, 5), id="jan-5-2027-stays"),
        pytest.param(date(2026, 5, 5), date(2026, 5, 7), id="golden-week"),
        pytest.param(date(2026, 9, 21), date(2026, 9, 24), id="silver-week"),
        pytest.param(date(2027, 12, 25), date(2027, 12, 27), id="saturday-25th"),
        pytest.param(date(2028, 1, 5), date(2028, 1, 5), id="jan-5-2028-wednesday"),
    ],
)
def test_due_date_on_a_non_business_day_moves_to_the_next_business_day(
    nominal: date, effective: date
) -> None:
    assert CALENDAR.effective_due_date(nominal) == effective
    assert CALENDAR.next_business_day(nominal) == effective


def test_business_day_after_is_strictly_after() -> None:
    assert CALENDAR.business_day_after(date(2026, 11, 20)) == date(2026, 11, 24)  # Fri → Tue
    assert CALENDAR.business_day_after(date(2026, 11, 24)) == date(2026, 11, 25)
    assert CALENDAR.business_day_after(date(2026, 12, 30)) == date(2027, 1, 4)


# -- maintenance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "at", "resumes"),
    [
        pytest.param(Service.ALL, jst(2026, 11, 30, 0, 0), jst(2026, 11, 30, 7), id="mon-0000"),
        pytest.param(Service.ALL, jst(2026, 11, 30, 6, 59), jst(2026, 11, 30, 7), id="mon-0659"),
        pytest.param(
            Service.ALL, jst(2026, 11, 30, 6, 59, 59), jst(2026, 11, 30, 7), id="mon-065959"
        ),
        pytest.param(Service.ALL, jst(2026, 11, 30, 7, 0), None, id="mon-0700-open"),
        pytest.param(Service.ALL, jst(2026, 11, 23, 3), jst(2026, 11, 23, 7), id="holiday-mon"),
        pytest.param(Service.ALL, jst(2026, 11, 29, 23, 30), None, id="sun-2330-all-open"),
        pytest.param(
            Service.REPAYMENT,
            jst(2026, 11, 29, 23, 30),
            jst(2026, 11, 30, 7),
            id="sun-2330-repayment-chains-to-mon-0700",
        ),
        pytest.param(
            Service.REPAYMENT,
            jst(2026, 11, 29, 23, 0),
            jst(2026, 11, 30, 7),
            id="sun-2300-repayment-stopped",
        ),
        pytest.param(
            Service.REPAYMENT, jst(2026, 11, 29, 22, 59, 59), None, id="sun-225959-repayment-open"
        ),
        pytest.param(Service.REPAYMENT, jst(2026, 11, 30, 7), None, id="mon-0700-repayment-open"),
        # the third Sunday of November 2026 is the 15th (the 1st is a Sunday)
        pytest.param(
            Service.REPAYMENT,
            jst(2026, 11, 15, 0, 0),
            jst(2026, 11, 15, 6),
            id="third-sunday-0000-repayment",
        ),
        pytest.param(
            Service.REPAYMENT,
            jst(2026, 11, 15, 5, 59),
            jst(2026, 11, 15, 6),
            id="third-sunday-0559-repayment",
        ),
        pytest.param(
            Service.REPAYMENT, jst(2026, 11, 15, 6, 0), None, id="third-sunday-0600-repayment"
        ),
        pytest.param(Service.ALL, jst(2026, 11, 15, 3), None, id="third-sunday-all-open"),
        pytest.param(
            Service.REPAYMENT, jst(2026, 11, 8, 3), None, id="second-sunday-repayment-open"
        ),
        pytest.param(
            Service.REPAYMENT, jst(2026, 11, 22, 3), None, id="fourth-sunday-repayment-open"
        ),
        pytest.param(
            Service.REPAYMENT,
            jst(2027, 1, 17, 2),
            jst(2027, 1, 17, 6),
            id="third-sunday-jan-2027",
        ),
        pytest.param(Service.ALL, jst(2027, 1, 1, 12), jst(2027, 1, 2, 7), id="new-year-noon"),
        pytest.param(Service.ALL, jst(2027, 1, 1, 0), jst(2027, 1, 2, 7), id="new-year-0000"),
        pytest.param(Service.ALL, jst(2027, 1, 2, 6, 59), jst(2027, 1, 2, 7), id="jan-2-0659"),
        pytest.param(Service.ALL, jst(2027, 1, 2, 7), None, id="jan-2-0700-open"),
        pytest.param(Service.ALL, jst(2026, 12, 31, 23, 59, 59), None, id="dec-31-open"),
        pytest.param(
            Service.REPAYMENT, jst(2027, 1, 1, 12), jst(2027, 1, 2, 7), id="new-year-repayment"
        ),
        # 2028-12-31 is a Sunday: Sunday night, then Monday maintenance, then New Year
        pytest.param(
            Service.REPAYMENT,
            jst(2028, 12, 31, 23, 30),
            jst(2029, 1, 2, 7),
            id="sun-dec-31-chains-into-new-year",
        ),
        pytest.param(Service.ALL, jst(2028, 12, 31, 23, 30), None, id="sun-dec-31-all-open"),
        pytest.param(Service.ALL, jst(2026, 11, 24, 10), None, id="tuesday-open"),
    ],
)
def test_resumes_at(service: Service, at: datetime, resumes: datetime | None) -> None:
    assert CALENDAR.resumes_at(service, at) == resumes


def test_resumes_at_accepts_another_time_zone_and_answers_in_tokyo() -> None:
    utc_sunday_night = datetime(2026, 11, 29, 15, 0, tzinfo=UTC)  # Monday 0:00 JST
    resumes = CALENDAR.resumes_at(Service.ALL, utc_sunday_night)
    assert resumes == jst(2026, 11, 30, 7)
    assert resumes is not None and resumes.utcoffset() == timedelta(hours=9)


# -- transfer arrival ----------------------------------------------------------------------


def _immediate(at: datetime) -> Arrival:
    return Arrival(at + TEN_SECONDS, immediate=True)


def _later(at: datetime) -> Arrival:
    return Arrival(at, immediate=False)


@pytest.mark.parametrize(
    ("bank", "at", "arrival"),
    [
        # a bank that is not open 24 hours (Tuesday 2026-11-24 is a business day)
        pytest.param(
            MIZUHO,
            jst(2026, 11, 24, 14, 50),
            _later(jst(2026, 11, 25, 9, 30)),
            id="mizuho-1450-next-business-day",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 24, 14, 49, 59),
            _immediate(jst(2026, 11, 24, 14, 49, 59)),
            id="mizuho-144959-immediate",
        ),
        pytest.param(
            MIZUHO, jst(2026, 11, 24, 9, 0), _immediate(jst(2026, 11, 24, 9)), id="mizuho-0900"
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 24, 8, 59, 59),
            _later(jst(2026, 11, 24, 9, 30)),
            id="mizuho-085959-same-day-0930",
        ),
        pytest.param(
            MIZUHO, jst(2026, 11, 24, 8, 59), _later(jst(2026, 11, 24, 9, 30)), id="mizuho-0859"
        ),
        pytest.param(
            MIZUHO, jst(2026, 11, 24, 0, 0), _later(jst(2026, 11, 24, 9, 30)), id="mizuho-0000"
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 24, 23, 59),
            _later(jst(2026, 11, 25, 9, 30)),
            id="mizuho-2359",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 20, 15),
            _later(jst(2026, 11, 24, 9, 30)),
            id="mizuho-friday-afternoon-skips-holiday-monday",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 28, 10),
            _later(jst(2026, 11, 30, 9, 30)),
            id="mizuho-saturday-to-monday",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 11, 23, 10),
            _later(jst(2026, 11, 24, 9, 30)),
            id="mizuho-holiday-morning-to-next-day",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 12, 30, 15),
            _later(jst(2027, 1, 4, 9, 30)),
            id="mizuho-dec-30-afternoon-to-jan-4",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 12, 30, 14, 49),
            _immediate(jst(2026, 12, 30, 14, 49)),
            id="mizuho-dec-30-1449",
        ),
        pytest.param(
            MIZUHO,
            jst(2026, 12, 31, 8),
            _later(jst(2027, 1, 4, 9, 30)),
            id="mizuho-dec-31-morning-not-same-day",
        ),
        # 三井住友: 24 hours except Sunday 21:00 – Monday 7:00
        pytest.param(
            SMBC,
            jst(2026, 11, 29, 21, 0),
            _later(jst(2026, 11, 30, 7) + TEN_SECONDS),
            id="smbc-sun-2100-to-mon-0700",
        ),
        pytest.param(
            SMBC,
            jst(2026, 11, 29, 20, 59),
            _immediate(jst(2026, 11, 29, 20, 59)),
            id="smbc-sun-2059-immediate",
        ),
        pytest.param(
            SMBC,
            jst(2026, 11, 30, 3),
            _later(jst(2026, 11, 30, 7) + TEN_SECONDS),
            id="smbc-mon-0300",
        ),
        pytest.param(
            SMBC, jst(2026, 11, 30, 7), _immediate(jst(2026, 11, 30, 7)), id="smbc-mon-0700"
        ),
        pytest.param(
            SMBC, jst(2026, 11, 28, 23), _immediate(jst(2026, 11, 28, 23)), id="smbc-saturday"
        ),
        pytest.param(
            SMBC, jst(2027, 1, 1, 3), _immediate(jst(2027, 1, 1, 3)), id="smbc-new-year-friday"
        ),
        # PayPay and the other 24-hour banks: any time
        pytest.param(
            PAYPAY, jst(2026, 11, 29, 23), _immediate(jst(2026, 11, 29, 23)), id="paypay-sun"
        ),
        pytest.param(
            PAYPAY, jst(2026, 11, 30, 3), _immediate(jst(2026, 11, 30, 3)), id="paypay-mon-0300"
        ),
        pytest.param(
            PAYPAY, jst(2027, 1, 1, 0), _immediate(jst(2027, 1, 1, 0)), id="paypay-new-year"
        ),
        pytest.param(
            MUFG, jst(2026, 11, 24, 14, 50), _immediate(jst(2026, 11, 24, 14, 50)), id="mufg-1450"
        ),
        pytest.param(
            YUCHO, jst(2026, 11, 28, 2), _immediate(jst(2026, 11, 28, 2)), id="yucho-saturday"
        ),
    ],
)
def test_arrival(bank: str, at: datetime, arrival: Arrival) -> None:
    assert CALENDAR.arrival(bank, at) == arrival


def test_arrival_takes_another_time_zone_as_the_same_instant() -> None:
    utc = datetime(2026, 11, 24, 5, 49, 59, tzinfo=UTC)  # 14:49:59 JST
    assert CALENDAR.arrival(MIZUHO, utc) == _immediate(jst(2026, 11, 24, 14, 49, 59))
    utc = datetime(2026, 11, 24, 5, 50, tzinfo=UTC)  # 14:50 JST
    assert CALENDAR.arrival(MIZUHO, utc) == _later(jst(2026, 11, 25, 9, 30))
