"""A meeting named in both languages reads, for each reader, in theirs first."""

from __future__ import annotations

import pytest

from dialogs.common.two_languages import TitleParts, title_parts

SERIES = "Monthly follow-up · اجتماع المتابعة الشهري"


@pytest.mark.parametrize(
    "title, lang, parts",
    [
        (SERIES, "en", TitleParts("Monthly follow-up", "اجتماع المتابعة الشهري")),
        (SERIES, "ar", TitleParts("اجتماع المتابعة الشهري", "Monthly follow-up")),
        ("الاجتماع العام الفصلي / Quarterly plenary", "en", TitleParts("Quarterly plenary", "الاجتماع العام الفصلي")),
        ("Cash working group — مجموعة النقد", "ar", TitleParts("مجموعة النقد", "Cash working group")),
        # one language, or a separator that is part of the name: left whole
        ("Monthly follow-up · March", "ar", TitleParts("Monthly follow-up · March")),
        ("اجتماع المتابعة · آذار", "en", TitleParts("اجتماع المتابعة · آذار")),
        ("Q1 · Q2 · الربع", "en", TitleParts("Q1 · Q2 · الربع")),
        ("Early-warning review", "ar", TitleParts("Early-warning review")),
        (" · اجتماع", "en", TitleParts(" · اجتماع")),
    ],
)
def test_a_title_in_both_languages_splits_for_its_reader(title: str, lang: str, parts: TitleParts) -> None:
    assert title_parts(title, lang) == parts
