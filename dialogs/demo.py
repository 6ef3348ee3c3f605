"""A small demo community for a first run: a regional anticipatory-action community of practice.

Its tenant, team and people match `playground/.m365agentsplayground.yml`, so the Agents Playground's
mock users are members of it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.language import member_language, member_timezone
from dialogs.common.people import Person
from dialogs.common.turn import Turn
from dialogs.community.roster import install, sync_roster
from dialogs.features import build_services
from dialogs.governance import plan, votes
from dialogs.meetings import agenda, schedule
from dialogs.questions import faq
from storage import repositories as repo
from storage.models import (
    Action,
    ActionEvent,
    ActionOwner,
    ActionStatus,
    AgendaItem,
    AgendaStatus,
    Community,
    FaqEntry,
    Meeting,
    MeetingKind,
    Member,
    PlanObjective,
    Proposal,
    ProposalKind,
    Role,
    WorkingGroup,
    WorkingGroupMember,
)

DEMO_TENANT = "00000000-0000-0000-0000-0000000000001"
DEMO_TEAM = "19:tansiq-demo-team@thread.tacv2"
DEMO_NAME = "MENA Anticipatory Action CoP · مجتمع الممارسة للعمل الاستباقي"

# (teams id, AAD object id, name, e-mail, role, language, time zone)
DEMO_PEOPLE: tuple[tuple[str, str, str, str, Role, str | None, str], ...] = (
    (
        "29:tansiq-demo-leila",
        "00000000-0000-0000-0000-00000000001a",
        "Leila Haddad",
        "leila.haddad@ifrc.example",
        Role.FACILITATOR,
        "en",
        "Asia/Beirut",
    ),
    (
        "29:tansiq-demo-omar",
        "00000000-0000-0000-0000-00000000002b",
        "عمر خليل",
        "omar.khalil@wfp.example",
        Role.FACILITATOR,
        "ar",
        "Africa/Cairo",
    ),
    (
        "29:tansiq-demo-amal",
        "00000000-0000-0000-0000-00000000003c",
        "أمل الزعبي",
        "amal.zoubi@jrcs.example",
        Role.MEMBER,
        "ar",
        "Asia/Amman",
    ),
    (
        "29:tansiq-demo-sami",
        "00000000-0000-0000-0000-00000000004d",
        "Sami Nasser",
        "sami.nasser@ngo.example",
        Role.MEMBER,
        None,
        "Asia/Beirut",
    ),
    (
        "29:tansiq-demo-huda",
        "00000000-0000-0000-0000-00000000005e",
        "هدى عبد الله",
        "huda.abdallah@yrcs.example",
        Role.MEMBER,
        "ar",
        "Asia/Aden",
    ),
    (
        "29:tansiq-demo-karim",
        "00000000-0000-0000-0000-00000000006f",
        "Karim Mansour",
        "karim.mansour@unocha.example",
        Role.MEMBER,
        "en",
        "Africa/Tunis",
    ),
)

# (text, owner e-mails, due in days from today, status, working group)
DEMO_ACTIONS: tuple[tuple[str, tuple[str, ...], int | None, ActionStatus, str | None], ...] = (
    (
        "Share the 2026 flood trigger thresholds with the national societies · "
        "مشاركة عتبات محفزات الفيضانات لعام ٢٠٢٦ مع الجمعيات الوطنية",
        ("amal.zoubi@jrcs.example",),
        10,
        ActionStatus.OPEN,
        "محفزات الإنذار المبكر · Early warning triggers",
    ),
    (
        "مسودة بروتوكول العمل المبكر للجفاف في اليمن",
        ("huda.abdallah@yrcs.example", "omar.khalil@wfp.example"),
        -5,
        ActionStatus.IN_PROGRESS,
        "التمويل والبروتوكولات · Financing and early action protocols",
    ),
    ("Circulate the minutes of the October plenary", ("leila.haddad@ifrc.example",), -12, ActionStatus.DONE, None),
    (
        "Map the anticipatory action focal points in each country",
        ("sami.nasser@ngo.example",),
        6,
        ActionStatus.OPEN,
        None,
    ),
    (
        "تحديث قائمة جهات الاتصال للإنذار المبكر في تونس",
        ("karim.mansour@unocha.example",),
        -2,
        ActionStatus.OPEN,
        "محفزات الإنذار المبكر · Early warning triggers",
    ),
)

# (name, scope, ends on, lead e-mail, member e-mails)
DEMO_GROUPS: tuple[tuple[str, str, date, str, Sequence[str]], ...] = (
    (
        "محفزات الإنذار المبكر · Early warning triggers",
        "Agree forecast thresholds and trigger models for floods and drought across the region. "
        "الاتفاق على عتبات التنبؤ ونماذج التفعيل للفيضانات والجفاف في المنطقة.",
        date(2027, 6, 30),
        "amal.zoubi@jrcs.example",
        ("sami.nasser@ngo.example", "huda.abdallah@yrcs.example"),
    ),
    (
        "التمويل والبروتوكولات · Financing and early action protocols",
        "Pre-arranged financing and early action protocols for national societies and partners. "
        "التمويل المرتّب مسبقًا وبروتوكولات العمل المبكر للجمعيات الوطنية والشركاء.",
        date(2027, 3, 31),
        "omar.khalil@wfp.example",
        ("leila.haddad@ifrc.example",),
    ),
)

DEMO_AGENDA = (
    (
        "Flood early-warning triggers for the Nile delta",
        "Review the thresholds agreed in the pilot",
        "omar.khalil@wfp.example",
    ),
    ("تحديث مجموعة عمل التحويلات النقدية", "عرض مختصر لقيم التحويلات المقترحة", "amal.zoubi@jrcs.example"),
    ("Shared 4W template", "", "leila.haddad@ifrc.example"),
)


async def load_demo(session: AsyncSession, *, settings_admins: Sequence[str], now: datetime | None = None) -> str:
    """Create (or refresh) the demo community; safe to run twice. Returns a one-line summary."""
    now = now or datetime.now(UTC)
    people = [
        Person(teams_user_id=uid, aad_object_id=aad, name=name, email=email)
        for uid, aad, name, email, *_ in DEMO_PEOPLE
    ]
    community = await install(
        session,
        tenant_id=DEMO_TENANT,
        team_id=DEMO_TEAM,
        team_name=DEMO_NAME,
        channel_id=DEMO_TEAM,
        conversation_reference=None,
        installer=None,
        default_language="ar",
        timezone="Asia/Beirut",
        admin_ids=settings_admins,
        now=now,
    )
    await sync_roster(session, community=community, people=people, complete=False, admin_ids=settings_admins, now=now)
    by_email = {}
    for uid, _aad, _name, email, role, lang, zone in DEMO_PEOPLE:
        member = await repo.member_in(session, community_id=community.id, teams_user_id=uid)
        assert member is not None  # just synced
        member.role, member.language, member.timezone = role, lang, zone
        by_email[email] = member
    for name, scope, ends_on, lead, others in DEMO_GROUPS:
        group = await session.scalar(
            select(WorkingGroup).where(WorkingGroup.community_id == community.id, WorkingGroup.name == name)
        )
        if group is None:
            group = WorkingGroup(community_id=community.id, name=name, scope=scope, ends_on=ends_on, created_at=now)
            session.add(group)
            await session.flush()
            session.add(WorkingGroupMember(group_id=group.id, member_id=by_email[lead].id, role="lead", joined_at=now))
            for email in others:
                session.add(WorkingGroupMember(group_id=group.id, member_id=by_email[email].id, joined_at=now))
    await _demo_actions(session, community_id=community.id, by_email=by_email, now=now)
    services = build_services(load_embedder=lambda: None)  # the demo asks no questions

    def speaking(member: Member) -> Turn:
        language = member_language(member, community, teams_locale=None, text=None)
        zone = member_timezone(member, community)
        return Turn(session, member, community, now, services, language, zone)

    await _demo_meetings(session, community=community, by_email=by_email, speaking=speaking, now=now)
    await _demo_faq(session, community=community, author=by_email["leila.haddad@ifrc.example"], now=now)
    await _demo_governance(session, community=community, by_email=by_email, speaking=speaking, now=now)
    return (
        f"demo community {community.id} ready: {len(DEMO_PEOPLE)} members, {len(DEMO_GROUPS)} working "
        f"groups, {len(DEMO_ACTIONS)} actions, a monthly meeting series with {len(DEMO_AGENDA)} agenda items, "
        f"{len(DEMO_FAQ)} FAQ entries, a {now.year} plan with {len(DEMO_OBJECTIVES)} objectives and an open "
        f"endorsement (tenant {DEMO_TENANT}, team {DEMO_TEAM})"
    )


# ({lang: (phrasings, answer)}, tags, working group)
DEMO_FAQ: tuple[tuple[dict[str, tuple[list[str], str]], list[str], str | None], ...] = (
    (
        {
            "en": (
                ["What is anticipatory action?", "What does forecast-based action mean?"],
                "Acting before a forecast hazard hits — releasing agreed funds and early actions when a trigger "
                "is reached — to protect people and livelihoods instead of only responding afterwards.",
            ),
            "ar": (
                ["ما هو العمل الاستباقي؟", "ما معنى العمل القائم على التنبؤات؟"],
                "هو التحرك قبل وقوع الخطر المتوقع، بصرف التمويل المتفق عليه وتنفيذ الإجراءات المبكرة عند بلوغ "
                "عتبة التفعيل، لحماية الناس وسبل عيشهم بدل الاكتفاء بالاستجابة بعد وقوعه.",
            ),
        },
        ["basics"],
        None,
    ),
    (
        {
            "en": (
                ["Where can I find the flood trigger thresholds?", "flood trigger thresholds"],
                "The agreed thresholds are in the working group's shared folder; ask its lead for access.",
            ),
            "ar": (
                ["أين أجد عتبات محفزات الفيضانات؟", "عتبات تفعيل الفيضانات"],
                "العتبات المتفق عليها في المجلد المشترك لمجموعة العمل؛ اطلب صلاحية الوصول من قائدة المجموعة.",
            ),
        },
        ["triggers", "floods"],
        "محفزات الإنذار المبكر · Early warning triggers",
    ),
    (
        {
            "en": (
                ["How are the meeting minutes shared?", "Where are the minutes?"],
                "Facilitators publish the minutes here after each meeting; write `minutes N` for meeting N.",
            ),
            "ar": (
                ["كيف تُشارك محاضر الاجتماعات؟", "أين أجد المحاضر؟"],
                "ينشر الميسّرون المحضر هنا بعد كل اجتماع؛ اكتب `محضر رقم` لمحضر الاجتماع المطلوب.",
            ),
        },
        ["meetings"],
        None,
    ),
    (
        {
            "en": (
                ["Can organisations outside the region join the community?"],
                "Yes, as observers: a facilitator adds them to the team once the members agree.",
            ),
        },
        ["membership"],
        None,
    ),
)


async def _demo_faq(session: AsyncSession, *, community: Community, author: Member, now: datetime) -> None:
    """A few FAQ entries in both languages, one in English only (only into a community that has none yet)."""
    if await session.scalar(select(FaqEntry.id).where(FaqEntry.community_id == community.id).limit(1)) is not None:
        return
    groups = {
        g.name: g for g in await session.scalars(select(WorkingGroup).where(WorkingGroup.community_id == community.id))
    }
    for versions, tags, group in DEMO_FAQ:
        plan = faq.EntryPlan(versions=dict(versions), tags=list(tags), group=groups.get(group) if group else None)
        await faq.create_entry(session, community=community, actor=author, plan=plan, now=now)


async def _demo_meetings(
    session: AsyncSession,
    *,
    community: Community,
    by_email: dict[str, Member],
    speaking: Callable[[Member], Turn],
    now: datetime,
) -> None:
    """The monthly follow-up (first Thursday, 10:00 Beirut) with a draft agenda, and the quarterly plenary; made
    through the same dialogs a facilitator uses (only into a community that has no meetings yet)."""
    if await session.scalar(select(Meeting.id).where(Meeting.community_id == community.id).limit(1)) is not None:
        return
    facilitator = by_email["leila.haddad@ifrc.example"]
    month = (now.date().replace(day=1) + timedelta(days=32)).replace(day=1)
    first_thursday = month + timedelta(days=(3 - month.weekday()) % 7)
    series = schedule.MeetingPlan(
        title="Monthly follow-up · اجتماع المتابعة الشهري",
        when=f"{first_thursday:%Y-%m-%d} 10:00",
        kind=MeetingKind.FOLLOW_UP,
        rrule="FREQ=MONTHLY;BYDAY=1TH",
        link="https://teams.microsoft.com/l/meetup-join/19%3ameeting_tansiq-demo%40thread.v2/0",
    )
    await schedule.create(speaking(facilitator), plan=series)
    plenary = schedule.MeetingPlan(
        title="Quarterly plenary · الاجتماع العام الفصلي",
        when=f"{first_thursday + timedelta(days=14):%Y-%m-%d} 13:00",
        kind=MeetingKind.PLENARY,
        rrule="FREQ=MONTHLY;INTERVAL=3",
        duration=timedelta(hours=3),
        place="UN House, Beirut",
    )
    await schedule.create(speaking(facilitator), plan=plenary)
    for title, details, email in DEMO_AGENDA:
        plan = agenda.ItemPlan(title=title, details=details, meeting_number="1")
        await agenda.create(speaking(by_email[email]), plan=plan)
    first = await session.scalar(select(AgendaItem).where(AgendaItem.community_id == community.id).limit(1))
    if first is not None:
        first.status = AgendaStatus.ACCEPTED


async def _demo_actions(
    session: AsyncSession, *, community_id: int, by_email: dict[str, Member], now: datetime
) -> None:
    """Open, overdue and done action points (only into a community that has none yet)."""
    if await session.scalar(select(Action.id).where(Action.community_id == community_id).limit(1)) is not None:
        return
    groups = {
        g.name: g.id
        for g in await session.scalars(select(WorkingGroup).where(WorkingGroup.community_id == community_id))
    }
    today = now.date()
    for number, (text, owners, due_in_days, status, group) in enumerate(DEMO_ACTIONS, start=1):
        created = now - timedelta(days=30 - number)
        action = Action(
            community_id=community_id,
            number=number,
            text=text,
            status=status,
            due_on=None if due_in_days is None else today + timedelta(days=due_in_days),
            group_id=groups.get(group) if group else None,
            created_by_id=by_email[owners[0]].id,
            created_at=created,
            updated_at=created,
            closed_at=now - timedelta(days=2) if status.closed else None,
            owners=[ActionOwner(member_id=by_email[email].id) for email in owners],
        )
        session.add(action)
        await session.flush()
        session.add(ActionEvent(action_id=action.id, actor_id=by_email[owners[0]].id, kind="created", at=created))


# (objective, numbers of the demo actions that serve it)
DEMO_OBJECTIVES: tuple[tuple[str, tuple[int, ...]], ...] = (
    (
        "Flood triggers agreed and shared with every national society · "
        "اعتماد محفزات الفيضانات ومشاركتها مع كل الجمعيات الوطنية",
        (1, 5),
    ),
    ("بروتوكولات عمل مبكر للجفاف معتمدة في بلدين · Early action protocols for drought in two countries", (2,)),
    ("A regional map of anticipatory action focal points · خريطة إقليمية لجهات الاتصال للعمل الاستباقي", (4,)),
)
DEMO_ENDORSEMENT = (
    "Revised terms of reference: working groups set their own scope and end date, and report to the quarterly "
    "plenary · الاختصاصات المعدّلة: تحدد مجموعات العمل نطاقها وتاريخ انتهائها، وترفع تقاريرها إلى الاجتماع العام "
    "الفصلي"
)


async def _demo_governance(
    session: AsyncSession,
    *,
    community: Community,
    by_email: dict[str, Member],
    speaking: Callable[[Member], Turn],
    now: datetime,
) -> None:
    """This year's plan (its objectives linked to the demo actions) and an open endorsement with two answers, made
    through the same dialogs a facilitator uses (only into a community that has none yet)."""
    facilitator = by_email["leila.haddad@ifrc.example"]
    planned = select(PlanObjective.id).where(PlanObjective.community_id == community.id).limit(1)
    if await session.scalar(planned) is None:
        for text, numbers in DEMO_OBJECTIVES:
            await plan.add(speaking(facilitator), text)
            objective = await session.scalar(
                select(PlanObjective).where(PlanObjective.community_id == community.id, PlanObjective.text == text)
            )
            actions = await session.scalars(
                select(Action).where(Action.community_id == community.id, Action.number.in_(numbers))
            )
            if objective is None:
                raise LookupError(f"plan objective {text!r} vanished while loading the demo")
            for action in actions:
                await plan.link(speaking(facilitator), action=action, objective=objective)
    if await session.scalar(select(Proposal.id).where(Proposal.community_id == community.id).limit(1)) is not None:
        return
    closes = (now + timedelta(days=14)).date()
    await votes.create(
        speaking(facilitator),
        kind=ProposalKind.ENDORSEMENT,
        args=f"{DEMO_ENDORSEMENT} | until {closes.isoformat()} 17:00",
    )
    proposal = await session.scalar(select(Proposal).where(Proposal.community_id == community.id))
    if proposal is None:
        raise LookupError("the demo endorsement vanished while loading the demo")
    for email, choice, comment in (
        ("amal.zoubi@jrcs.example", "endorse", ""),
        ("omar.khalil@wfp.example", "endorse", "الصياغة واضحة ومناسبة"),
    ):
        await votes.cast(speaking(by_email[email]), proposal=proposal, choice=choice, comment=comment)
