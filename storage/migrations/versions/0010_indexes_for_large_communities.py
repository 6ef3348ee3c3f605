"""indexes a regional network's size needs: a person's memberships, a member's actions

The gate finds the speaker by Teams id across the tenant's communities on every turn, and `actions` (and every
reminder about a member's actions) starts from the owner: without these indexes both read the whole table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence

from alembic import op


revision: str = '0010'
down_revision: str | tuple[str, ...] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f('ix_member_teams_user_id'), 'member', ['teams_user_id'], unique=False)
    op.create_index(op.f('ix_action_owner_member_id'), 'action_owner', ['member_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_action_owner_member_id'), table_name='action_owner')
    op.drop_index(op.f('ix_member_teams_user_id'), table_name='member')
