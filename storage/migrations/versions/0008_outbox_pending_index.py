"""outbox: a partial index on pending rows for the dispatcher's claim; parked defects say so

The dispatcher claims `WHERE status = 'pending' AND due_at <= now … ORDER BY due_at, id` and looks up the next due
pending row; the partial index holds only pending rows, so neither query scans the sent history (which is also
purged after OUTBOX_RETENTION_DAYS). Its predicate is the literal the queries use (storage.models.outbox.IS_PENDING).

Rows that failed on an exception of the bot's own (composing, rendering) were recorded as "error", which
`reminders failed` could not tell from Teams refusing them; they now say "bot-error".

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | tuple[str, ...] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PENDING = sa.text("status = 'pending'")


def upgrade() -> None:
    op.create_index(
        'ix_notification_pending_due',
        'notification',
        ['due_at', 'id'],
        unique=False,
        postgresql_where=PENDING,
        sqlite_where=PENDING,
    )
    op.execute("UPDATE notification SET last_error = 'bot-error' WHERE last_error = 'error'")


def downgrade() -> None:
    op.execute("UPDATE notification SET last_error = 'error' WHERE last_error = 'bot-error'")
    op.drop_index('ix_notification_pending_due', table_name='notification')
