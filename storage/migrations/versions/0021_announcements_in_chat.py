"""announcements in a member's 1:1 chat: the member's choice to also receive the community's announcements there

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0021'
down_revision: str | tuple[str, ...] | None = '0020'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place on SQLite too (never a copy of the table): recreating `member` with foreign keys on would
    # cascade-delete everything that hangs on it.
    with op.batch_alter_table('member', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('announcements_in_chat', sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    # SQLite drops columns in place since 3.35.
    with op.batch_alter_table('member', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('announcements_in_chat')
