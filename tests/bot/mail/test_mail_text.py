"""What a mail's text becomes in its headers and HTML: a link keeps its query string, and a name with a line or
paragraph separator (Teams keeps them) still makes a valid header instead of a mail that can never be sent."""

from __future__ import annotations

from email.message import EmailMessage

from bot.outbound.mail import _inline, _one_line


def test_a_link_with_a_query_string_is_escaped_once() -> None:
    html = _inline("[Source](https://example.org/faq?a=1&b=2) & more")
    assert 'href="https://example.org/faq?a=1&amp;b=2"' in html and "&amp;amp;" not in html
    assert html.endswith("&amp; more")


def test_a_name_with_separators_makes_a_valid_header() -> None:
    message = EmailMessage()
    message["Subject"] = _one_line("MENA AA\u2028CoP\r\nBcc: x@example.org: Agenda")
    assert message["Subject"] == "MENA AA CoP Bcc: x@example.org: Agenda"  # one header, nothing injected
