"""The seven demo members of DOMAIN.md §8, seeded into an empty store relative to the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain import loan
from desktop_app.domain.banks import repayment_bank
from desktop_app.domain.clock import TOKYO
from desktop_app.domain.models import PREPAID_BANK_CODE, LedgerKind, MemberStatus
from desktop_app.domain.rules import MONTH_END, LoanRules
from desktop_app.store.sql.hashing import SecretHasher
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

DEFAULT_RATE = Decimal("0.180")


@dataclass(frozen=True)
class DemoBank:
    bank_code: str
    bank_name: str
    branch_code: str
    branch_name: str
    account_number: str
    holder: str
    account_type: str = "ordinary"


@dataclass(frozen=True)
class DemoMember:
    member_number: str
    name: str
    name_kana: str
    birth_date: date
    email: str | None
    phone: str
    card_number: str
    pin: str
    web_id: str | None
    password: str | None
    credit_limit: int
    due_day: int
    bank: DemoBank
    status: MemberStatus = MemberStatus.ACTIVE
    web_statements: bool = False
    card_status: CardStatus = CardStatus.ACTIVE
    web_locked: bool = False
    rate: Decimal = DEFAULT_RATE
    prepaid_last4: str | None = None  # the last four digits of the member's prepaid card


YAMADA = DemoMember(
    "100000001",
    "山田 太郎",
    "ヤマダ タロウ",
    date(1985, 4, 12),
    "yamada@example.jp",
    "09012345678",
    "4000123412341234",
    "1234",
    "yamada2026",
    "Taro2026pass",
    500_000,
    25,
    DemoBank("0009", "三井住友銀行", "001", "本店営業部", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ"),
    prepaid_last4="8301",
)
SATO = DemoMember(
    "100000002",
    "佐藤 花子",
    "サトウ ハナコ",
    date(1992, 2, 2),
    "hanako@example.jp",
    "08023456789",
    "5012345678",
    "2580",
    "hanako0202",
    "Hanako2026",
    300_000,
    15,
    DemoBank("0033", "PayPay銀行", "001", "本店", "7654321", "ｻﾄｳ ﾊﾅｺ"),
    web_statements=True,
    prepaid_last4="4527",
)
SUZUKI = DemoMember(
    "100000003",
    "鈴木 一郎",
    "スズキ イチロウ",
    date(1978, 3, 3),
    "suzuki@example.jp",
    "07034567890",
    "123456789012345",
    "3690",
    "suzuki0303",
    "Ichiro2026",
    500_000,
    5,
    DemoBank("0005", "三菱UFJ銀行", "050", "新宿支店", "2345678", "ｽｽﾞｷ ｲﾁﾛｳ"),
    prepaid_last4="6093",
)
TANAKA = DemoMember(
    "100000004",
    "田中 美咲",
    "タナカ ミサキ",
    date(1990, 4, 4),
    "tanaka@example.jp",
    "09045678901",
    "4000999988887777",
    "4444",
    "tanaka0404",
    "Misaki2026",
    300_000,
    MONTH_END,
    DemoBank("9900", "ゆうちょ銀行", "018", "〇一八店", "3456789", "ﾀﾅｶ ﾐｻｷ"),
    card_status=CardStatus.LOCKED,
    web_locked=True,
    prepaid_last4="1148",
)
TAKAHASHI = DemoMember(
    "100000005",
    "高橋 健",
    "タカハシ ケン",
    date(1982, 5, 5),
    "takahashi@example.jp",
    "08056789012",
    "4000222233334444",
    "5555",
    "takahashi05",
    "Ken2026pass",
    300_000,
    25,
    DemoBank("0001", "みずほ銀行", "110", "渋谷支店", "4567890", "ﾀｶﾊｼ ｹﾝ"),
    status=MemberStatus.SUSPENDED,
    prepaid_last4="7720",
)
ITO = DemoMember(
    "100000006",
    "伊藤 さくら",
    "イトウ サクラ",
    date(1998, 6, 6),
    "ito@example.jp",
    "09067890123",
    "4000555566667777",
    "1357",
    None,
    None,
    200_000,
    15,
    DemoBank("0036", "楽天銀行", "251", "第一営業支店", "5678901", "ｲﾄｳ ｻｸﾗ"),
    prepaid_last4="3356",
)
WATANABE = DemoMember(
    "100000007",
    "渡辺 翔",
    "ワタナベ ショウ",
    date(1975, 7, 7),
    "watanabe@example.jp",
    "07078901234",
    "4000777788889999",
    "2468",
    "watanabe07",
    "Sho2026pass",
    300_000,
    5,
    DemoBank("0009", "三井住友銀行", "654", "新宿西口支店", "6789012", "ﾜﾀﾅﾍﾞ ｼｮｳ"),
    status=MemberStatus.DORMANT,
    prepaid_last4="9012",
)

DEMO_MEMBERS: tuple[DemoMember, ...] = (YAMADA, SATO, SUZUKI, TANAKA, TAKAHASHI, ITO, WATANABE)


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime.combine(day, time(hour, minute), TOKYO)


class _Seeder:
    def __init__(self, db: Session, now: datetime, hasher: SecretHasher, rules: LoanRules) -> None:
        self.rules = rules
        self.db = db
        self.now = now.astimezone(TOKYO)
        self.today = self.now.date()
        self.hasher = hasher

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
        )
        self.db.add(member)
        self.db.flush()
        locked_card = demo.card_status is CardStatus.LOCKED
        self.db.add(
            Card(
                member_id=member.id,
                card_number=demo.card_number,
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
    db: Session, now: datetime, hasher: SecretHasher, rules: LoanRules | None = None
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
    _Seeder(db, now, hasher, rules).run()
    db.flush()
    return True
