"""The community feature: help, language, time zone, who am I, the form of address, the roster and roles; privacy
(the notice, retention, the sharing review), a member's data (`mydata`), the audit and forgetting a member."""

from __future__ import annotations

from dialogs.common.registry import CommandSpec, Feature
from dialogs.community import address, audit, choice, forget, members, mydata, privacy, sharing_review
from dialogs.community.views import (
    AuditPage,
    CommunityChoice,
    ForgetConfirm,
    HelpCard,
    LanguageChoice,
    MyDataSummary,
    PrivacyNotice,
    RosterPage,
    SharingReview,
)

FEATURE = Feature(
    name="community",
    commands=(
        CommandSpec(
            "help",
            ("help", "?", "commands", "مساعدة", "المساعدة", "ساعدني", "الأوامر"),
            members.show_help,
            topic="settings",
        ),
        CommandSpec("lang", ("lang", "language", "لغة", "اللغة"), members.set_language, topic="settings"),
        CommandSpec(
            "tz",
            ("tz", "timezone", "time zone", "توقيت", "التوقيت", "المنطقة الزمنية"),
            members.set_timezone,
            topic="settings",
        ),
        CommandSpec("whoami", ("whoami", "who am i", "من أنا", "من انا", "ملفي"), members.whoami, topic="settings"),
        CommandSpec(
            "address",
            ("address me", "pronoun", "pronouns", "form of address", "لقبي", "خاطبني", "صيغة المخاطبة"),
            address.command,
            topic="settings",
        ),
        CommandSpec(
            "community",
            ("community", "communities", "المجتمع", "المجتمعات", "مجتمعي", "مجتمعاتي"),
            choice.command,
            topic="settings",
        ),
        CommandSpec(
            "members", ("members", "roster", "الأعضاء", "أعضاء", "الاعضاء"), members.list_members, topic="settings"
        ),
        CommandSpec("role", ("role", "دور", "الدور"), members.change_role, facilitator_only=True, topic="settings"),
        CommandSpec("privacy", ("privacy", "الخصوصية", "خصوصية", "خصوصيتي"), privacy.command, topic="settings"),
        CommandSpec("mydata", ("mydata", "my data", "بياناتي"), mydata.command, topic="settings"),
        CommandSpec(
            "audit", ("audit", "السجل", "سجل التغييرات"), audit.command, facilitator_only=True, topic="settings"
        ),
        CommandSpec(
            "forget", ("forget", "احذف بياناتي", "امسح بياناتي", "احذف بيانات"), forget.command, topic="settings"
        ),
    ),
    submits={
        "lang": members.language_button,
        "help": members.show_help_button,
        "members-page": members.members_page_button,
        "forget-confirm": forget.confirm,
        "forget-ask": forget.ask,
        "audit-page": audit.page_button,
        "sharing-reviewed": sharing_review.reviewed,
        "mydata": mydata.ask,
        "community": choice.button,
    },
    outbox={mydata.KIND: mydata.compose, sharing_review.KIND: sharing_review.compose},
    cards=(
        HelpCard,
        LanguageChoice,
        CommunityChoice,
        RosterPage,
        ForgetConfirm,
        PrivacyNotice,
        AuditPage,
        SharingReview,
        MyDataSummary,
    ),
)
