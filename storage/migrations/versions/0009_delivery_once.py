"""delivery once: sends of unknown outcome counted, a shared send pace, incoming activities remembered

`notification.send_started_at` is set while Teams is called and `unknown_sends` counts the sends whose outcome is
unknown (a timeout after the request was written, or a process that died mid-send): one is tried again after a
pause, a second is parked. `send_pace` holds each conversation's and tenant's rate-limit state, shared by every
replica; `handled_activity` remembers the incoming activities already handled (a day), so a redelivery runs once.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0009'
down_revision: str | tuple[str, ...] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('notification') as batch:
        batch.add_column(sa.Column('send_started_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('unknown_sends', sa.Integer(), server_default='0', nullable=False))
    op.create_table(
        'send_pace',
        sa.Column('key', sa.String(length=200), nullable=False),
        sa.Column('state', sa.JSON(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_send_pace')),
    )
    op.create_index(op.f('ix_send_pace_updated_at'), 'send_pace', ['updated_at'], unique=False)
    op.create_table(
        'handled_activity',
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('handled_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_handled_activity')),
    )
    op.create_index(op.f('ix_handled_activity_handled_at'), 'handled_activity', ['handled_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_handled_activity_handled_at'), table_name='handled_activity')
    op.drop_table('handled_activity')
    op.drop_index(op.f('ix_send_pace_updated_at'), table_name='send_pace')
    op.drop_table('send_pace')
    with op.batch_alter_table('notification') as batch:
        batch.drop_column('unknown_sends')
        batch.drop_column('send_started_at')
