"""outbox: channel posts, status, retries

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 23:32:33.058512
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op




revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminder_settings', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))

    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('channel', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('subject', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=False, server_default='pending'))
        batch_op.add_column(sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_error', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('claimed_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column('member_id',
               existing_type=sa.INTEGER(),
               nullable=True)
        batch_op.create_index(batch_op.f('ix_notification_subject'), ['subject'], unique=False)
    op.execute("UPDATE notification SET status = 'sent' WHERE sent_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_subject'))
        batch_op.alter_column('member_id',
               existing_type=sa.INTEGER(),
               nullable=False)
        batch_op.drop_column('claimed_until')
        batch_op.drop_column('last_error')
        batch_op.drop_column('attempts')
        batch_op.drop_column('status')
        batch_op.drop_column('subject')
        batch_op.drop_column('channel')

    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.drop_column('reminder_settings')

