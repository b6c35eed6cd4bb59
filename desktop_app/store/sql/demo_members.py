"""The seven demo members of DOMAIN.md §8: who they are and what the seed gives each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_app.domain.models import MemberStatus
from desktop_app.domain.profile import Address, Workplace
from desktop_app.domain.rules import MONTH_END
from desktop_app.store.sql.schema import CardStatus

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
    address: Address | None = None
    workplace: Workplace | None = None


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
    address=Address("1600022", "東京都新宿区新宿", "３－１－１"),
    workplace=Workplace("こはく商事株式会社", "0312345678"),
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
    address=Address(
        "2200012", "神奈川県横浜市西区みなとみらい", "２－３－５　みなとみらいハイツ５０２"
    ),
    workplace=Workplace("株式会社さくらデザイン", "0452223333"),
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
    address=Address("5300001", "大阪府大阪市北区梅田", "１－２－３"),
    workplace=Workplace("梅田物流株式会社", "0663334444"),
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
    address=Address("4600008", "愛知県名古屋市中区栄", "３－４－５　栄パレス８０１"),
    workplace=Workplace("栄デンタルクリニック", "0522345678"),
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
    address=Address("8120011", "福岡県福岡市博多区博多駅前", "２－１－１"),
    workplace=Workplace("博多建設株式会社", "0924567890"),
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
    address=Address("9800021", "宮城県仙台市青葉区中央", "１－１－１　青葉コーポ２０３"),
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
    address=Address("0600001", "北海道札幌市中央区北一条西", "４－２"),
    workplace=Workplace("札幌観光株式会社", "0112223333"),
)

DEMO_MEMBERS: tuple[DemoMember, ...] = (YAMADA, SATO, SUZUKI, TANAKA, TAKAHASHI, ITO, WATANABE)
