"""Charts on cards, in Arabic and English: Teams' Chart.* element with the right numbers, and its fallback for clients
that do not know it — a picture that decodes (mirrored in Arabic) and a FactSet in the reader's words and digits."""

from __future__ import annotations

import base64
import io
from datetime import UTC, datetime
from typing import Any

import pytest
from PIL import Image

from bot.cards import charts
from bot.cards.render import Renderer
from bot.i18n import Catalogs, plain
from dialogs.actions.report import UNKNOWN, ActionReport, ReportRow
from dialogs.actions.views import ActionReportCard
from dialogs.common.replies import Reply
from dialogs.governance.views import ObjectiveView, PlanCard, ProposalCard, ProposalView, Tally
from tests.cards import only_element

RENDERER = Renderer(Catalogs())
GREEN = charts.COLORS["good"]


def picture(chart: dict[str, Any]) -> Image.Image:
    """The fallback's PNG, decoded."""
    image = only_element(chart["fallback"], "Image")
    prefix = "data:image/png;base64,"
    assert image["url"].startswith(prefix)
    data = base64.b64decode(image["url"].removeprefix(prefix))
    assert len(data) < 20_000
    decoded = Image.open(io.BytesIO(data))
    decoded.load()
    assert decoded.format == "PNG" and image["width"] == f"{decoded.width // charts.SCALE}px"
    return decoded


def facts(chart: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (plain(fact["title"]), plain(fact["value"])) for fact in only_element(chart["fallback"], "FactSet")["facts"]
    ]


def card(view: Any, key: str, lang: str, **args: Any) -> dict[str, Any]:
    return RENDERER.card(Reply.of(key, view=view, **args), lang=lang, zone="Asia/Beirut")


# ---- each kind, as the module makes it ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_kind_has_a_teams_chart_and_a_picture_of_the_expected_size(lang: str) -> None:
    parts = [charts.Part("a", 3, "good"), charts.Part("b", 1, "attention")]
    made = {
        "Chart.VerticalBar": charts.bars("t", parts, lang=lang),
        "Chart.HorizontalBar": charts.bars("t", parts, lang=lang, horizontal=True),
        "Chart.HorizontalBar.Stacked": charts.stacked("t", [charts.Row("r", tuple(parts))], lang=lang),
        "Chart.Donut": charts.donut("t", parts, lang=lang),
        "Chart.Gauge": charts.gauge("t", parts, lang=lang),
    }
    sizes = {
        "Chart.VerticalBar": (charts.WIDTH, charts.HEIGHT),
        "Chart.HorizontalBar": (charts.WIDTH, 2 * (charts.BAR + charts.GAP) + charts.GAP),
        "Chart.HorizontalBar.Stacked": (charts.WIDTH, charts.BAR + 2 * charts.GAP),
        "Chart.Donut": (charts.ROUND, charts.ROUND),
        "Chart.Gauge": (charts.ROUND, charts.ROUND // 2 + 4),
    }
    for kind, chart in made.items():
        assert chart["type"] == kind and chart["fallback"]["type"] == "Container"
        width, height = sizes[kind]
        assert picture(chart).size == (width * charts.SCALE, height * charts.SCALE), kind
    assert made["Chart.VerticalBar"]["data"] == [
        {"x": "a", "y": 3, "color": "good"},
        {"x": "b", "y": 1, "color": "attention"},
    ]
    assert made["Chart.Gauge"] | {"fallback": None} == {
        "type": "Chart.Gauge",
        "title": "t",
        "value": 3,
        "min": 0,
        "max": 4,
        "valueFormat": "Fraction",
        "segments": [{"legend": "a", "size": 3, "color": "good"}, {"legend": "b", "size": 1, "color": "attention"}],
        "fallback": None,
    }
    three, one = ("٣", "١") if lang == "ar" else ("3", "1")
    assert facts(made["Chart.Donut"]) == [("a", three), ("b", one)]


def test_an_empty_chart_still_draws() -> None:
    for chart in (charts.bars("t", [], lang="en"), charts.donut("t", [], lang="en"), charts.gauge("t", [], lang="ar")):
        assert picture(chart).width > 0


# ---- on the cards --------------------------------------------------------------------------------------------

PLAN = PlanCard(
    year=2026,
    quarter=0,
    objectives=(
        ObjectiveView(number=1, text="Drought protocols", done=2, open=3, overdue=1, actions=()),
        ObjectiveView(number=2, text="Financing", done=0, open=0, overdue=0, actions=()),
    ),
    years=(),
    facilitator=False,
)


@pytest.mark.parametrize(
    ("lang", "row", "legends", "fact"),
    [
        ("en", "Objective 1", ("Done", "Open", "Overdue"), "Done 2, Open 2, Overdue 1"),
        ("ar", "الهدف ١", ("منجز", "مفتوح", "متأخر"), "منجز ٢، مفتوح ٢، متأخر ١"),
    ],
)
def test_the_plan_shows_each_objective_as_a_stacked_bar(
    lang: str, row: str, legends: tuple[str, str, str], fact: str
) -> None:
    chart = only_element(card(PLAN, "plan", lang), "Chart.HorizontalBar.Stacked")
    done, open_, overdue = legends
    assert chart["data"] == [  # objective 2 has no actions yet: no bar; "open" is the open ones not yet overdue
        {
            "title": row,
            "data": [
                {"legend": done, "value": 2, "color": "good"},
                {"legend": open_, "value": 2, "color": "neutral"},
                {"legend": overdue, "value": 1, "color": "attention"},
            ],
        }
    ]
    assert facts(chart) == [(row, fact)]
    image = picture(chart).convert("RGBA").convert("RGB")
    middle = (charts.GAP + charts.BAR // 2) * charts.SCALE
    first = charts.SCALE + 2 if lang == "en" else image.width - charts.SCALE - 3  # Arabic: from the right
    assert image.getpixel((first, middle)) == GREEN


def test_a_plan_with_no_linked_actions_has_no_chart() -> None:
    empty = PlanCard(year=2026, quarter=0, objectives=PLAN.objectives[1:], years=(), facilitator=True)
    assert "Chart." not in str(card(empty, "plan", "en"))


REPORT = ActionReport(
    period="all",
    start=None,
    end=None,
    total=ReportRow("total", 2, 3, 0, 0, 0.6, None),
    by_organisation=(
        ReportRow("ifrc.org", 1, 3, 0, 0, 0.75, 2.0),
        ReportRow(UNKNOWN, 1, 0, 1, 0, 0.0, None),
    ),
    by_group=(ReportRow(UNKNOWN, 2, 3, 0, 0, 0.6, None),),
    by_quarter=(ReportRow("2026-Q3", 1, 1, 0, 0, 0.5, None), ReportRow("2026-Q4", 0, 0, 0, 2, None, None)),
)


@pytest.mark.parametrize(
    ("lang", "quarter", "percents"),
    [("en", "Q3 2026", ("75%", "0%", "50%")), ("ar", "الربع ٣ من ٢٠٢٦", ("٧٥", "٠", "٥٠"))],
)
def test_the_action_report_charts_completion_per_organisation_and_quarter(
    lang: str, quarter: str, percents: tuple[str, str, str]
) -> None:
    shown = card(
        ActionReportCard(report=REPORT, download=None), "actions-report", lang, period="all", start="-", end="-"
    )
    by_organisation = only_element(shown, "Chart.HorizontalBar")
    by_quarter = only_element(shown, "Chart.VerticalBar")
    assert [(point["x"], point["y"]) for point in by_organisation["data"]] == [("ifrc.org", 75), ("—", 0)]
    assert [(point["x"], point["y"]) for point in by_quarter["data"]] == [(quarter, 50)]  # Q4: nothing done or open
    organisation_facts, quarter_facts = facts(by_organisation), facts(by_quarter)
    assert [title for title, _ in organisation_facts] == ["ifrc.org", "—"]
    assert percents[0] in organisation_facts[0][1] and percents[1] in organisation_facts[1][1]
    assert quarter_facts[0][0] == quarter and percents[2] in quarter_facts[0][1]
    assert picture(by_organisation).height == (2 * (charts.BAR + charts.GAP) + charts.GAP) * charts.SCALE
    assert shown.get("rtl", False) is (lang == "ar")


def proposal(kind: str, tallies: tuple[Tally, ...], *, closed: bool = False) -> ProposalCard:
    at = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    return ProposalCard(
        proposal=ProposalView(
            id=1,
            number=1,
            kind=kind,
            text="The revised terms of reference",
            anonymous=False,
            closes_at=None,
            closed_at=at if closed else None,
            tallies=tallies,
            answers=sum(tally.count for tally in tallies),
            outcome="endorsed" if closed else None,
            winners=(),
            decision=None,
            mine=None,
            my_comment="",
            comments=(),
            can_vote=not closed,
            can_close=False,
            refresh_for=(),
        )
    )


ENDORSEMENT = (
    Tally("endorse", "", 3, ()),
    Tally("object", "", 1, ()),
    Tally("abstain", "", 0, ()),
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", [("Endorse", "3"), ("Object", "1"), ("Abstain", "0")]),
        ("ar", [("أؤيد", "٣"), ("أعترض", "١"), ("أمتنع", "٠")]),
    ],
)
def test_an_endorsement_shows_its_answers_as_a_donut(lang: str, expected: list[tuple[str, str]]) -> None:
    chart = only_element(card(proposal("endorsement", ENDORSEMENT), "proposal-card", lang), "Chart.Donut")
    assert [(point["legend"], point["value"], point["color"]) for point in chart["data"]] == [
        (expected[0][0], 3, "good"),
        (expected[1][0], 1, "attention"),
        (expected[2][0], 0, "neutral"),
    ]
    assert facts(chart) == expected
    assert picture(chart).size == (charts.ROUND * charts.SCALE, charts.ROUND * charts.SCALE)


def test_a_poll_colours_its_options_and_a_closed_one_says_results() -> None:
    options = (Tally("1", "Amman", 2, ()), Tally("2", "Cairo", 5, ()))
    chart = only_element(card(proposal("poll", options, closed=True), "proposal-card", "en"), "Chart.Donut")
    assert chart["title"] == "Results"
    assert [(point["legend"], point["value"]) for point in chart["data"]] == [("Amman", 2), ("Cairo", 5)]
    assert chart["data"][0]["color"] != chart["data"][1]["color"]


def test_no_answers_no_chart() -> None:
    silent = tuple(Tally(tally.choice, "", 0, ()) for tally in ENDORSEMENT)
    assert "Chart." not in str(card(proposal("endorsement", silent), "proposal-card", "en"))
