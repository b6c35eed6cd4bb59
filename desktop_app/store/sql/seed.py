"""The seven demo members of DOMAIN.md §8 (``demo_members``), seeded into an empty store
relative to the clock. Their PINs and passwords are hashed with the store's hasher (its
pepper), their card numbers kept as the store's keyed lookup and last four digits."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain import loan
from desktop_app.domain.banks import repayment_bank
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import PREPAID_BANK_CODE, LedgerKind
from desktop_app.domain.rules import LoanRules
from desktop_app.store.sql.demo_members import (
    DEMO_MEMBERS,
    ITO,
    SATO,
    SUZUKI,
    TAKAHASHI,
    TANAKA,
    WATANABE,
    YAMADA,
    DemoMember,
)
from desktop_app.store.sql.hashing import SecretHasher
from desktop_app.store.sql.keys import StoreKeys, last4
from desktop_app.store.sql.schema import (
    PREPAID_ACCOUNT_TYPE,
    PREPAID_CARD_NAME,
    BankAccountRow,
    Card,
    CardStatus,
    LedgerRow,
    LoanAccount,
    Member,
    WebCredential,
    transaction_number,
)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), TOKYO)


class _Seeder:
    def __init__(
        self, db: Session, now: datetime, hasher: SecretHasher, keys: StoreKeys, rules: LoanRules
    ) -> None:
        self.rules = rules
        self.db = db
        self.now = now.astimezone(TOKYO)
        self.today = self.now.date()
        self.hasher = hasher
        self.keys = keys

    def member(self, demo: DemoMember, last_sign_in_at: datetime | None) -> Member:
        member = Member(
            member_number=demo.member_number,
            name=demo.name,
            name_kana=demo.name_kana,
            birth_date=demo.birth_date,
            email=demo.email,
            phone=demo.phone,
            web_statements=demo.web_statements,
            status=demo.status.value,
            last_sign_in_at=last_sign_in_at,
            created_at=self.now - timedelta(days=3 * 365 + 30),
            postal_code=demo.address.postal_code if demo.address else None,
            address_town=demo.address.town if demo.address else None,
            address_line2=demo.address.line2 if demo.address else None,
            workplace_name=demo.workplace.name if demo.workplace else None,
            workplace_phone=demo.workplace.phone if demo.workplace else None,
        )
        self.db.add(member)
        self.db.flush()
        locked_card = demo.card_status is CardStatus.LOCKED
        self.db.add(
            Card(
                member_id=member.id,
                card_lookup=self.keys.card_lookup(demo.card_number),
                card_last4=last4(demo.card_number),
                pin_hash=self.hasher.hash(demo.pin),
                status=demo.card_status.value,
                failed_pin_count=3 if locked_card else 0,
                failed_pin_day=self.today - timedelta(days=1) if locked_card else None,
            )
        )
        if demo.web_id is not None and demo.password is not None:
            self.db.add(
                WebCredential(
                    member_id=member.id,
                    web_id=demo.web_id,
                    password_hash=self.hasher.hash(demo.password),
                    failed_count=5 if demo.web_locked else 0,
                    locked=demo.web_locked,
                )
            )
        bank = demo.bank
        self.db.add(
            BankAccountRow(
                member_id=member.id,
                bank_code=bank.bank_code,
                bank_name=bank.bank_name,
                branch_code=bank.branch_code,
                branch_name=bank.branch_name,
                account_type=bank.account_type,
                account_number=bank.account_number,
                holder=bank.holder,
            )
        )
        self.db.flush()  # the bank account first: destinations are listed by id
        if demo.prepaid_last4 is not None:
            self.db.add(
                BankAccountRow(
                    member_id=member.id,
                    bank_code=PREPAID_BANK_CODE,
                    bank_name=PREPAID_CARD_NAME,
                    branch_code="",
                    branch_name="",
                    account_type=PREPAID_ACCOUNT_TYPE,
                    account_number=demo.prepaid_last4,
                    holder=bank.holder,
                )
            )
        self.db.flush()
        return member

    def account(
        self,
        member: Member,
        demo: DemoMember,
        *,
        principal: int = 0,
        accrued_to: date | None = None,
        next_due_date: date | None = None,
        first_borrowed_on: date | None = None,
    ) -> LoanAccount:
        eligible = demo.email is not None and demo.web_statements and first_borrowed_on is None
        account = LoanAccount(
            member_id=member.id,
            credit_limit=demo.credit_limit,
            annual_rate=demo.rate,
            principal=principal,
            unpaid_interest=0,
            unpaid_damages=0,
            accrued_to=accrued_to or self.today,
            minimum_payment=loan.minimum_payment(principal, self.rules),
            due_day=demo.due_day,
            next_due_date=next_due_date,
            paid_this_cycle=0,
            first_borrowed_on=first_borrowed_on,
            interest_free_eligible=eligible,
            interest_free_until=None,
            auto_debit=False,
            reminder_enabled=False,
            reminder_days_before=3,
            reminder_hour=9,
            version=1,
            updated_at=self.now,
        )
        self.db.add(account)
        return account

    def ledger(
        self,
        member: Member,
        demo: DemoMember,
        kind: LedgerKind,
        at: datetime,
        amount: int,
        *,
        principal_after: int,
        to_interest: int = 0,
        next_due_date_after: date | None = None,
        minimum_payment_after: int = 0,
    ) -> None:
        bank_account_id: int | None = None
        counterparty = demo.bank.bank_name
        if kind is LedgerKind.BORROW:
            bank_account_id = self.db.scalar(
                select(BankAccountRow.id)
                .where(
                    BankAccountRow.member_id == member.id,
                    BankAccountRow.account_type != PREPAID_ACCOUNT_TYPE,
                )
                .order_by(BankAccountRow.id)
            )
        else:
            bank = repayment_bank(demo.bank.bank_code)
            counterparty = bank.name if bank else counterparty
        row = LedgerRow(
            transaction_no=f"seed-{member.member_number}-{at:%Y%m%d%H%M}",
            member_id=member.id,
            request_id=f"seed-{kind.value}-{at:%Y%m%d%H%M}",
            kind=kind.value,
            amount=amount,
            to_damages=0,
            to_interest=to_interest,
            to_principal=amount - to_interest if kind is LedgerKind.REPAY else 0,
            principal_after=principal_after,
            available_after=max(0, demo.credit_limit - principal_after),
            minimum_payment_after=minimum_payment_after,
            next_due_date_after=next_due_date_after,
            counterparty=counterparty,
            bank_account_id=bank_account_id,
            bank_code=demo.bank.bank_code,
            at=at,
        )
        self.db.add(row)
        self.db.flush()
        row.transaction_no = transaction_number(kind.value, at, row.id)

    def borrowed_and_repaid(
        self, member: Member, demo: DemoMember, borrowed_on: date, amount: int, days: int
    ) -> None:
        """An old loan, borrowed and paid off in full ``days`` later."""
        self.ledger(
            member,
            demo,
            LedgerKind.BORROW,
            _at(borrowed_on, 12, 30),
            amount,
            principal_after=amount,
            minimum_payment_after=loan.minimum_payment(amount, self.rules),
            next_due_date_after=loan.first_due_date(demo.due_day, borrowed_on),
        )
        repaid_on = borrowed_on + timedelta(days=days)
        interest = loan.simple_interest(amount, demo.rate, borrowed_on, repaid_on)
        self.ledger(
            member,
            demo,
            LedgerKind.REPAY,
            _at(repaid_on, 19, 40),
            amount + interest,
            principal_after=0,
            to_interest=interest,
        )

    def run(self) -> None:
        today = self.today

        # 山田: active, 120,000 borrowed 20 days ago; first borrowing two years ago.
        yamada = self.member(YAMADA, _at(today - timedelta(days=3), 21, 15))
        first = today - timedelta(days=730)
        self.borrowed_and_repaid(yamada, YAMADA, first, 100_000, 30)
        borrowed = today - timedelta(days=20)
        due = loan.upcoming_due_date(YAMADA.due_day, today)
        self.ledger(
            yamada,
            YAMADA,
            LedgerKind.BORROW,
            _at(borrowed, 14, 5),
            120_000,
            principal_after=120_000,
            minimum_payment_after=loan.minimum_payment(120_000, self.rules),
            next_due_date_after=due,
        )
        self.account(
            yamada,
            YAMADA,
            principal=120_000,
            accrued_to=borrowed,
            next_due_date=due,
            first_borrowed_on=first,
        )

        # 佐藤: never borrowed; email and web statements, so the first 30 days are free.
        sato = self.member(SATO, None)
        self.account(sato, SATO)

        # 鈴木: the due date was 5 days ago and nothing was paid: overdue.
        suzuki = self.member(SUZUKI, _at(today - timedelta(days=39), 9, 50))
        due = today - timedelta(days=5)
        borrowed = due - timedelta(days=35)
        self.ledger(
            suzuki,
            SUZUKI,
            LedgerKind.BORROW,
            _at(borrowed, 11, 0),
            250_000,
            principal_after=250_000,
            minimum_payment_after=loan.minimum_payment(250_000, self.rules),
            next_due_date_after=due,
        )
        self.account(
            suzuki,
            SUZUKI,
            principal=250_000,
            accrued_to=borrowed,
            next_due_date=due,
            first_borrowed_on=borrowed,
        )

        # 田中: card and Web-ID locked (the seeding marks them so).
        tanaka = self.member(TANAKA, _at(today - timedelta(days=1), 8, 20))
        self.account(tanaka, TANAKA)

        # 高橋: suspended.
        takahashi = self.member(TAKAHASHI, _at(today - timedelta(days=200), 12, 0))
        self.account(takahashi, TAKAHASHI)

        # 伊藤: active, no Web-ID yet.
        ito = self.member(ITO, None)
        self.account(ito, ITO)

        # 渡辺: dormant: paid off long ago, no sign-in for more than two years.
        first = today - timedelta(days=1_100)
        watanabe = self.member(WATANABE, _at(first + timedelta(days=40), 19, 45))
        self.borrowed_and_repaid(watanabe, WATANABE, first, 50_000, 40)
        self.account(watanabe, WATANABE, first_borrowed_on=first)


def seed_demo_members(
    db: Session,
    now: datetime,
    hasher: SecretHasher,
    keys: StoreKeys,
    rules: LoanRules | None = None,
) -> bool:
    """Seed the demo members when the store has no member yet; True when it seeded.

    Runs inside the caller's transaction (one transaction for the whole seed). A contract
    rate above the legal cap for its credit limit refuses the whole seed.
    """
    if db.scalar(select(func.count()).select_from(Member)):
        return False
    rules = rules or loan.DEFAULT_RULES
    for demo in DEMO_MEMBERS:
        loan.check_rate(demo.credit_limit, demo.rate, rules)
    _Seeder(db, now, hasher, keys, rules).run()
    db.flush()
    return True
