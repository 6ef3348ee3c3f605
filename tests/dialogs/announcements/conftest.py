"""The mail tests' loopback SMTP server and the hosting floor's recorded sleep, for the announcement's delivery test."""

from tests.bot.conftest import notifiers_closed, sleep
from tests.bot.mail.conftest import smtp

__all__ = ["notifiers_closed", "sleep", "smtp"]
