"""action points, history, notifications

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('open', 'in_progress', 'blocked', 'done', 'cancelled', name='actionstatus', native_enum=False, length=16), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_action_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_action_created_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['working_group.id'], name=op.f('fk_action_group_id_working_group'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_action_community_id_number'))
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_community_id'), ['community_id'], unique=False)

    op.create_table('notification',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=48), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('dedup_key', sa.String(length=200), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_notification_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_notification_member_id_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    sa.UniqueConstraint('dedup_key', name=op.f('uq_notification_dedup_key'))
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_member_id'), ['member_id'], unique=False)

    op.create_table('action_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_event_action_id_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['actor_id'], ['member.id'], name=op.f('fk_action_event_actor_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_event'))
    )
    with op.batch_alter_table('action_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_event_action_id'), ['action_id'], unique=False)

    op.create_table('action_owner',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_action_owner_action_id_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_action_owner_member_id_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', 'member_id', name=op.f('pk_action_owner'))
    )


def downgrade() -> None:
    op.drop_table('action_owner')
    with op.batch_alter_table('action_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_event_action_id'))

    op.drop_table('action_event')
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notification_member_id'))
        batch_op.drop_index(batch_op.f('ix_notification_due_at'))
        batch_op.drop_index(batch_op.f('ix_notification_community_id'))

    op.drop_table('notification')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_community_id'))

    op.drop_table('action')
