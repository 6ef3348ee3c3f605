"""Live facts about people: who facilitates the community, which working groups exist, who leads a group and who
is in it.

A group is read from the question by its name as stored, in either of its languages ("Early warning · الإنذار
المبكر"), however it is spelt (case, Arabic letter variants, with or without the article or "group"). Its lead and
members are what the groups feature already shows every member (`dialogs.governance.groups`); its card shows its
meeting and actions only to those who may see them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.replies import Reply
from dialogs.common.turn import Turn
from dialogs.common.two_languages import Title
from dialogs.governance import groups
from dialogs.questions.engine import normalize
from dialogs.questions.facts import LiveFact
from storage import repositories as repo
from storage.models import Member, WorkingGroup, WorkingGroupMember


def bare(word: str) -> str:
    """A word without the Arabic article (الإنذار = إنذار) or a leading "b/l" joined to it (بالإنذار)."""
    for prefix in ("بال", "لل", "وال", "ال"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


# Words of a question about a group's people that name no group: what is left once they are gone is a group's name.
ASKING_WORDS = frozenset(
    normalize(word)
    for word in (
        *("who", "whos", "who's", "is", "are", "the", "a", "an", "of", "for", "in", "on", "at", "our", "this", "that"),
        *("lead", "leads", "leader", "leaders", "leading", "led", "by", "head", "heads", "runs", "run", "chair"),
        *("chairs", "coordinates", "coordinator", "coordinating", "focal", "point", "person", "responsible"),
        *("charge", "group", "groups", "working", "team", "teams", "wg", "members", "member", "belongs", "belong"),
        *("part", "which", "people", "list", "what", "whats", "s", "does", "do", "tell", "me", "please", "currently"),
        *("current", "sits", "sit", "with", "and", "its", "their", "there", "them", "they", "can", "i", "see"),
        *("names", "now", "right", "all", "each", "every", "has", "have", "got", "joined", "inside"),
        *("من", "مين", "منو", "شو", "ما", "ماذا", "هو", "هي", "هم", "في", "فيه", "مع", "على", "عن", "كل"),
        *("قائد", "قائدة", "قايد", "يقود", "بيقود", "تقود", "بتقود", "رئيس", "رئيسة", "يرأس", "بيرأس", "مسؤول"),
        *("منسق", "ينسق", "مجموعة", "مجموعات", "فريق", "فرق", "عمل", "أعضاء", "عضو", "اعضا", "قروب", "جروب"),
        *("الي", "اللي", "يلي", "إلي", "هذه", "هاي", "هذا", "ايش", "وش", "هما", "يا", "لو", "سمحت", "حاليا", "الآن"),
        *("أسماء", "قائمة", "موجود", "موجودين", "ضمن", "تبع", "بتوع", "بتاع", "حق", "داخل", "الناس", "ناس"),
        *("قيادة", "يقودها", "بيقودها", "يرأسها", "مسؤولها", "بمجموعة", "بفريق", "بقروب", "لمجموعة", "لفريق"),
    )
)
KIND_WORDS = frozenset(
    bare(normalize(word))
    for word in (*("group", "working", "team", "meeting", "مجموعة", "فريق", "عمل", "قروب", "جروب", "غروب", "اجتماع"),)
)
"""Words a name may be asked with or without ("the Shelter group", «فريق الإنذار المبكر», "the plenary meeting")."""
_NAME_PARTS = re.compile(r"[·|/]")
_WORD = re.compile(r"(?:\w|[\u0610-\u061a\u064b-\u065f\u0670])+")  # Arabic marks (shadda, vowels) inside words


@dataclass(frozen=True)
class Named:
    """Which of some names a question holds (`index`), and where: its words `start` to `end`."""

    index: int
    start: int
    end: int


def tokens(text: str) -> list[tuple[tuple[int, int], str]]:
    """The words of `text` with their places, each folded like the index folds it, without the Arabic article."""
    return [(match.span(), bare(normalize(match[0]))) for match in _WORD.finditer(text)]


def _parts(name: str) -> list[list[str]]:
    """A name in each of its languages ("Early warning · الإنذار المبكر"), as bare words, without "group" words."""
    parts = [[word for _span, word in tokens(part)] for part in _NAME_PARTS.split(name)]
    return [kept for part in parts if (kept := [word for word in part if word and word not in KIND_WORDS])]


def _own_words(names: Sequence[str]) -> list[set[str]]:
    """Per name, its words that no other name has (and not "and", "the" …): a question must say one of them."""
    words = [{word for part in _parts(name) for word in part} for name in names]
    return [
        {
            word
            for word in mine
            if len(word) >= 3
            and word not in ASKING_WORDS
            and all(word not in theirs for other, theirs in enumerate(words) if other != index)
        }
        for index, mine in enumerate(words)
    ]


def named_in(question: str, names: Sequence[str]) -> Named | None:
    """The name the question holds: the longest run of words of one name in it ("early warning" names "Early
    warning triggers"), with a word only that name has; None when there is none, or two names tie."""
    said = [word for _span, word in tokens(question)]
    own = _own_words(names)
    runs = [
        (size, Named(index, start, start + size))
        for index, name in enumerate(names)
        for part in _parts(name)
        for first in range(len(part))
        for start in range(len(said))
        if (size := _run(part[first:], said[start:])) and own[index] & set(part[first : first + size])
    ]
    longest = max((size for size, _named in runs), default=0)
    best = [named for size, named in runs if size == longest]
    return best[0] if best and len({named.index for named in best}) == 1 else None


def _run(name: Sequence[str], said: Sequence[str]) -> int:
    """How many words `said` starts with that `name` starts with too."""
    size = 0
    while size < min(len(name), len(said)) and name[size] == said[size]:
        size += 1
    return size


def group_named(question: str, candidates: Sequence[WorkingGroup]) -> WorkingGroup | None:
    """The working group the question names, by (part of) its name in either language."""
    named = named_in(question, [group.name for group in candidates])
    return candidates[named.index] if named is not None else None


def without_names(question: str, names: Sequence[str]) -> str:
    """The question without the name it holds (a working group's, a meeting's), to match it against phrasings that
    cannot know the community's names: "who leads the early-warning group?" is asked like "who leads the group?"."""
    named = named_in(question, names)
    if named is None:
        return question
    spans = [span for span, _word in tokens(question)]
    cut = question[: spans[named.start][0]] + question[spans[named.end - 1][1] :]
    return " ".join(cut.split())


def names_something(question: str) -> bool:
    """Whether the question holds words beyond asking who leads or is in a group (a group's name, likely)."""
    return any(word not in ASKING_WORDS and bare(word) not in ASKING_WORDS for word in normalize(question).split())


async def _asked_group(turn: Turn, question: str) -> WorkingGroup | Reply:
    """The open group named in the question; else the groups with their leads: as asked when the question names
    none, or saying there is no such group when it names something else."""
    group = group_named(question, await repo.open_groups(turn.session, community_id=turn.community.id))
    if group is not None:
        return group
    listed = await groups.list_groups(turn, args="")
    if not names_something(question):
        return listed
    return dataclasses.replace(listed, key="fact-group-unknown")


async def _leads(session: AsyncSession, group: WorkingGroup) -> list[str]:
    """The names of the group's active leads."""
    rows = await session.scalars(
        select(Member.name)
        .join(WorkingGroupMember, WorkingGroupMember.member_id == Member.id)
        .where(WorkingGroupMember.group_id == group.id, WorkingGroupMember.role == groups.LEAD, Member.active.is_(True))
        .order_by(Member.name)
    )
    return list(rows)


async def facilitators(turn: Turn, question: str) -> Reply:
    """Who facilitates the community (admins included)."""
    names = [m.name for m in await repo.active_facilitators(turn.session, community_id=turn.community.id)]
    if not names:
        return Reply.of("fact-no-facilitators")
    return Reply.of("fact-facilitators", names=names, count=len(names))


async def working_groups(turn: Turn, question: str) -> Reply:
    """The community's working groups, each with its lead, and how to join one; a group the question names ("how
    do I join the shelter group?"): its card, with its Join button."""
    if group_named(question, await repo.open_groups(turn.session, community_id=turn.community.id)) is not None:
        return await group_members(turn, question)
    return await groups.list_groups(turn, args="")


async def group_lead(turn: Turn, question: str) -> Reply:
    """Who leads the group the question names (with none named: every group with its lead)."""
    asked = await _asked_group(turn, question)
    if isinstance(asked, Reply):
        return asked
    leads = await _leads(turn.session, asked)
    if not leads:
        return Reply.of("fact-group-no-lead", group=Title(asked.name))
    return Reply.of("fact-group-lead", group=Title(asked.name), names=leads)


async def group_members(turn: Turn, question: str) -> Reply:
    """Who is in the group the question names: its card (lead and members for all; its meeting and actions for
    those who may see them)."""
    asked = await _asked_group(turn, question)
    if isinstance(asked, Reply):
        return asked
    card = await groups.card(turn, asked)
    leads = await _leads(turn.session, asked)
    return Reply.of(
        "fact-group-members",
        view=card,
        group=Title(asked.name),
        names=leads,
        leads=len(leads),
        count=card.group.member_count,
    )


FACTS = (
    LiveFact(
        "facilitators",
        (
            *("Who are the facilitators?", "Who facilitates this community?", "Who runs the community?"),
            *("Who are the co-facilitators?", "list of facilitators", "Who is the facilitator?"),
            *("من هم الميسرون؟", "من الميسر؟", "من يدير المجتمع؟", "من هم الميسرون المشاركون؟"),
            *("قائمة الميسرين", "مين الميسرين؟", "من منسقو المجتمع؟"),
        ),
        facilitators,
    ),
    LiveFact(
        "groups",
        (
            *("Which working groups exist?", "list of working groups", "How do I join a working group?"),
            *("What working groups are there?", "Can I join a working group?", "working groups and their leads"),
            *("ما مجموعات العمل الموجودة؟", "قائمة مجموعات العمل", "كيف أنضم إلى مجموعة عمل؟"),
            *("ما هي مجموعات العمل؟", "هل يمكنني الانضمام إلى مجموعة عمل؟", "فرق العمل", "شو مجموعات العمل؟"),
        ),
        working_groups,
    ),
    LiveFact(
        "group-lead",
        (
            *("Who leads the cash working group?", "Who is the lead of the health group?", "who heads the WASH team"),
            *("Who is in charge of the protection working group?", "lead of the education group"),
            *("Who coordinates the nutrition group?", "Who leads the working groups?", "who runs the logistics team?"),
            *("من يقود مجموعة عمل النقد؟", "من هو قائد مجموعة الحماية؟", "من يرأس فريق التعليم؟"),
            *("من المسؤول عن مجموعة الصحة؟", "من قائد المجموعة؟", "قائد مجموعة العمل"),
            *(
                "Who leads the group?",
                "Who is the group lead?",
                "working group leader",
                "who heads this working group?",
            ),
            *("who is the person in charge of the team?", "Who chairs the working group?"),
            *("مين قائد المجموعة؟", "منو رئيس الفريق؟", "مين اللي ماسك الفريق؟", "مين بيرأس المجموعة دي؟"),
            *("منو يقود القروب؟", "من يرأس مجموعة العمل؟", "من يتولى رئاسة المجموعة؟"),
            *("من هو قائد الفريق؟", "من يقود الفريق؟", "من رئيس المجموعة؟"),
            *("Who leads the food security group?", "who is the lead of the flood response team?"),
            *("Who heads the child protection working group?", "who is leading the data management group?"),
            *("من يقود مجموعة الأمن الغذائي؟", "من رئيس فريق الاستجابة للفيضانات؟", "من قائد مجموعة حماية الطفل؟"),
            *("مين بيقود فريق الصحة النفسية؟", "منو قائد قروب إدارة البيانات؟", "مين رئيس مجموعة الاستجابة الشتوية؟"),
            *("مين بيقود مجموعة الصحة؟", "مين قائد فريق المياه؟", "مين ماسك فريق التعليم؟"),  # Levantine
            *("منو اللي يقود قروب الحماية؟", "منو رئيس فريق النقد؟"),  # Gulf
            *("مين اللي بيرأس مجموعة الحماية؟", "مين مسؤول فريق التعليم؟", "مين اللي بيقود جروب الصحة؟"),  # Egyptian
        ),
        group_lead,
    ),
    LiveFact(
        "group-members",
        (
            *("Who is in the cash working group?", "members of the health group", "Who are the WASH team members?"),
            *("Who belongs to the protection working group?", "list the members of the education group"),
            *("Who sits on the nutrition group?", "who is on the logistics team?"),
            *("من أعضاء مجموعة عمل النقد؟", "من هم أعضاء فريق الحماية؟", "أسماء أعضاء مجموعة التعليم"),
            *("من ينتمي إلى مجموعة الصحة؟", "من أعضاء المجموعة؟", "أعضاء مجموعة العمل", "من المنضمون إلى المجموعة؟"),
            *("Who is in the group?", "Who are the group members?", "working group members", "who is on this team?"),
            *("which people are in the working group?", "list of the group's members"),
            *("مين في المجموعة؟", "منو أعضاء الفريق؟", "مين معنا بالمجموعة؟", "أسماء اللي في المجموعة دي"),
            *("Who is in the food security group?", "who are the members of the flood response team?"),
            *("Who is part of the child protection working group?", "people in the data management group"),
            *("من أعضاء مجموعة الأمن الغذائي؟", "من في فريق الاستجابة للفيضانات؟", "أعضاء مجموعة حماية الطفل"),
            *("مين أعضاء فريق الصحة النفسية؟", "منو في قروب إدارة البيانات؟", "مين بمجموعة الاستجابة الشتوية؟"),
            *("مين بمجموعة الصحة؟", "مين أعضاء فريق المياه؟", "مين معنا بفريق التعليم؟"),  # Levantine
            *("منو الأعضاء في قروب الحماية؟", "منو موجود في فريق النقد؟", "منو المشاركين في القروب؟"),  # Gulf
            *("مين اللي في مجموعة الحماية؟", "مين الأعضاء بتوع فريق التعليم؟", "مين معانا في جروب الصحة؟"),  # Egyptian
            *("مين الناس اللي في الجروب ده؟", "من المشاركون في مجموعة العمل؟", "ما أسماء أعضاء الفريق؟"),
            *("مين المشاركين بالمجموعة؟",),
        ),
        group_members,
    ),
)
