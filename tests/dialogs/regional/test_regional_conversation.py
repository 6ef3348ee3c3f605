"""`weekend` / `عطلتي`, `working hours` / `ساعات عملي`, `ramadan` / `رمضان` and `hijri` / `هجري` in both languages;
bad input is answered with what to write. A community in Beirut: its members' weekend is Friday–Saturday until they
live elsewhere (their zone) or choose their own."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from storage.models import AuditLog, Base
from tests.chat import Chat, converse
from tests.fakes import FakeClock

ARABIC = [
    ("member", "عطلتي", "regional-calendar", "العطلة: الجمعة، السبت (عطلة المجتمع)", "ساعات العمل: ٠٨:٠٠–٢٠:٠٠"),
    ("member", "عطلتي", "regional-calendar", "البلد: لبنان", "٢٥ ديسمبر: عيد الميلاد", "لا تُؤخَّر التذكيرات"),
    ("member", "عطلتي السبت والأحد", "regional-weekend-set", "تم: عطلتك الآن السبت، الأحد."),
    ("member", "عطلتي", "regional-calendar", "العطلة: السبت، الأحد (باختيارك، وللتراجع `عطلتي افتراضي`)"),
    ("member", "عطلتي بنفسجي", "regional-weekend-usage", "«بنفسجي» ليست قائمة بأيام الأسبوع", "`عطلتي السبت الأحد`"),
    ("member", "عطلتي افتراضي", "regional-weekend-set", "عطلتك الآن الجمعة، السبت (عطلة بلدك أو عطلة المجتمع)"),
    ("member", "عطلتي بدون", "regional-weekend-set", "عطلتك الآن بلا أيام عطلة"),
    ("member", "ساعات عملي ٩:٠٠-١٧:٠٠", "regional-hours-set", "تصلك التذكيرات بين ٠٩:٠٠ و١٧:٠٠ في أيام عملك"),
    ("member", "ساعات عملي ١٧ إلى ٩", "regional-hours-usage", "«١٧ إلى ٩» ليست فترة ساعات", "`ساعات عملي ٩:٠٠-١٧:٠٠`"),
    ("member", "ساعات عملي صباحا", "regional-hours-usage", "«صباحا» ليست فترة ساعات"),
    ("member", "ساعات عملي ٨ إلى ١٦", "regional-hours-set", "تصلك التذكيرات بين ٠٨:٠٠ و١٦:٠٠"),
    ("member", "ساعات عملي افتراضي", "regional-hours-set", "بين ٠٨:٠٠ و٢٠:٠٠ (ساعات المجتمع)"),
    ("member", "توقيت Africa/Tunis", "tz-set"),
    ("member", "عطلتي افتراضي", "regional-weekend-set", "عطلتك الآن السبت، الأحد"),
    ("member", "عطلتي", "regional-calendar", "(عطلة بلدك)", "البلد: تونس", "١٤ يناير: عيد الثورة والشباب"),
    ("member", "رمضان", "regional-ramadan", "ساعات رمضان غير مفعّلة", "`رمضان تشغيل`"),
    ("member", "رمضان تشغيل", "not-facilitator", "هذا الأمر للميسّرين فقط"),
    ("member", "رمضان متى يبدأ؟", "regional-ramadan", "رمضان: ٠٨‏/٠٢‏/٢٠٢٧ – ٠٨‏/٠٣‏/٢٠٢٧"),
    ("member", "هجري", "regional-hijri", "يوافق **١٤ جمادى الآخرة ١٤٤٨ هـ**"),
    ("member", "هجري ١ رمضان ١٤٤٩", "regional-hijri", "٢٨‏/٠١‏/٢٠٢٨ يوافق **١ رمضان ١٤٤٩ هـ**"),
    ("member", "هجري أول أيام العيد", "regional-hijri", "**١ شوال ١٤٤٨ هـ**"),
    ("member", "هجري ٣٠ رمضان ١٤٤٨", "date-unreadable", "«٣٠ رمضان ١٤٤٨»"),
    ("member", "هجري بعد العيد", "date-unreadable", "«بعد العيد»"),  # not Eid itself
]

ENGLISH = [
    ("admin", "weekend", "regional-calendar", "Weekend: Friday, Saturday (the community’s)", "Country: Lebanon"),
    ("admin", "tz Africa/Tunis", "tz-set"),
    ("admin", "weekend", "regional-calendar", "Weekend: Saturday, Sunday (your country’s)", "Country: Tunisia"),
    ("admin", "weekend fri, sat", "regional-weekend-set", "your weekend is now Friday, Saturday."),
    ("admin", "weekend purple", "regional-weekend-usage", "“purple” is not a list of weekdays", "`weekend sat sun`"),
    ("admin", "weekend none", "regional-weekend-set", "your weekend is now none (every day is a working day)"),
    ("admin", "weekend default", "regional-weekend-set", "Saturday, Sunday (your country’s or the community’s)"),
    ("admin", "working hours 9-17", "regional-hours-set", "between 09:00 and 17:00 on your working days"),
    ("admin", "working hours 17-9", "regional-hours-usage", "“17-9” is not a span of hours"),
    ("admin", "working hours", "regional-calendar", "Working hours: 09:00–17:00 (your own)"),
    ("facilitator", "ramadan", "regional-ramadan", "off", "Ramadan: Feb 8, 2027 – Mar 8, 2027"),
    ("facilitator", "ramadan on", "regional-ramadan-set", "nudges due between 17:30 and 20:30 (iftar, local time)"),
    ("facilitator", "ramadan maybe", "regional-ramadan-usage", "“maybe” is neither on nor off", "`ramadan on`"),
    ("admin", "weekend", "regional-calendar", "Ramadan: nudges wait until after iftar"),
    ("admin", "hijri 25 December", "regional-hijri", "Dec 25, 2026 is **16 Rajab 1448 AH** (Umm al-Qura)"),
    ("admin", "hijri Eid al-Adha", "regional-hijri", "May 16, 2027 is **10 Dhu al-Hijjah 1448 AH**"),
    ("admin", "hijri 1 Ramadan 1600", "hijri-out-of-range", "1343–1500 AH"),
    ("admin", "hijri after Eid", "date-unreadable", "“after Eid”"),
    # a Hijri day without a year, then a time
    ("facilitator", "meeting add Eid party | 1 Shawwal 10:00", "meeting-added", "Mar 9, 2027"),
    ("facilitator", "meeting add Suhoor | 1 Ramadan 10pm", "meeting-added", "Feb 8, 2027"),
]


@pytest.fixture
async def chat(sessions, clock: FakeClock) -> Chat:
    return await Chat(sessions, clock).start()


async def test_in_arabic(chat: Chat) -> None:
    await converse(chat, ARABIC)


async def test_in_english(chat: Chat) -> None:
    await converse(chat, ENGLISH)


async def test_changes_are_audited(chat: Chat) -> None:
    await chat.say("weekend sat sun", as_="member")
    await chat.say("ramadan on", as_="facilitator")
    async with chat.sessions() as session:
        entries = list(await session.scalars(select(AuditLog).order_by(AuditLog.id)))
    changes = [
        (e.action, e.before, e.after) for e in entries if e.action in ("member.weekend", "community.ramadan_hours")
    ]
    assert changes == [
        ("member.weekend", {"weekend": None}, {"weekend": ["SA", "SU"]}),
        ("community.ramadan_hours", {"ramadan_hours": False}, {"ramadan_hours": True}),
    ]


async def test_the_ramadan_setting_defaults_off_in_the_models_as_in_the_migrations(engine) -> None:
    """A community row written without the setting (another tool, a copy) has Ramadan hours off in both."""

    def differences(connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_server_default": True})
        return [d for d in compare_metadata(context, Base.metadata) if "ramadan_hours" in str(d)]

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []
