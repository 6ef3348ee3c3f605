"""a regional calendar: each member's weekend, working hours and country; the community's Ramadan setting

A member's country is not stored: it is their time zone's (see dialogs/regional/calendar.py).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0019'
down_revision: str | tuple[str, ...] | None = '0018'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # In place on SQLite too (never a copy of the table): recreating `community` or `member` with foreign keys on
    # would cascade-delete everything that hangs on them.
    with op.batch_alter_table('member', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('weekend', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('working_hours', sa.JSON(), nullable=True))
    with op.batch_alter_table('community', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('ramadan_hours', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # SQLite drops columns in place since 3.35.
    with op.batch_alter_table('community', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('ramadan_hours')
    with op.batch_alter_table('member', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('working_hours')
        batch_op.drop_column('weekend')
