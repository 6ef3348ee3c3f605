"""the working groups a member belongs to, found by member: every reading turn asks (the visibility rule)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0012'
down_revision: str | tuple[str, ...] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f('ix_working_group_member_member_id'), 'working_group_member', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_working_group_member_member_id'), table_name='working_group_member')
