"""`tz` / `توقيت` accepts what members type: zone names, and cities and countries in English and Arabic."""

from __future__ import annotations

import pytest

from dialogs.community.members import resolve_timezone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Asia/Damascus", "Asia/Damascus"),
        ("asia/damascus", "Asia/Damascus"),
        ("port of spain", "America/Port_of_Spain"),
        ("دمشق", "Asia/Damascus"),
        ("بيروت", "Asia/Beirut"),
        ("القاهرة", "Africa/Cairo"),
        ("عمّان", "Asia/Amman"),  # with the shadda, as CLDR writes it
        ("عمان", "Asia/Amman"),  # without: the city wins over the country (عُمان, Oman)
        ("Oman", "Asia/Muscat"),
        ("سوريا", "Asia/Damascus"),
        ("الأردن", "Asia/Amman"),
        ("الاردن", "Asia/Amman"),  # a bare alef, as many type it
        ("Tunisia", "Africa/Tunis"),
        ("  تونس  ", "Africa/Tunis"),
    ],
)
def test_zone_city_and_country_names(typed: str, zone: str) -> None:
    assert resolve_timezone(typed) == zone


@pytest.mark.parametrize("typed", ["United States", "الولايات المتحدة", "Canada", "القمر", "Mars/Olympus", ""])
def test_a_country_of_several_zones_or_no_place_is_not_guessed(typed: str) -> None:
    assert resolve_timezone(typed) is None
