"""meetings, agenda, decisions

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 23:21:23.318788
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.Enum('plenary', 'follow-up', 'face-to-face', 'working-group', 'other', name='meetingkind', native_enum=False, length=24), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('rrule', sa.String(length=200), nullable=True),
    sa.Column('link', sa.String(length=1000), nullable=True),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('agenda_deadline_hours', sa.Integer(), nullable=False),
    sa.Column('calendar_token', sa.String(length=64), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_meeting_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_meeting_created_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['working_group.id'], name=op.f('fk_meeting_group_id_working_group'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('calendar_token', name=op.f('uq_meeting_calendar_token')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_meeting_community_id_number'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_community_id'), ['community_id'], unique=False)

    op.create_table('meeting_occurrence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('original_start', sa.DateTime(timezone=True), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('scheduled', 'cancelled', 'closed', name='occurrencestatus', native_enum=False, length=16), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attendee_ids', sa.JSON(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('approver_ids', sa.JSON(), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_occurrence_meeting_id_meeting'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_occurrence')),
    sa.UniqueConstraint('meeting_id', 'original_start', name=op.f('uq_meeting_occurrence_meeting_id_original_start'))
    )
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_occurrence_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('agenda_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'accepted', 'deferred', 'removed', 'discussed', 'carried', name='agendastatus', native_enum=False, length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('presenter_id', sa.Integer(), nullable=True),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('minutes_requested', sa.Boolean(), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('carried_from_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['carried_from_id'], ['agenda_item.id'], name=op.f('fk_agenda_item_carried_from_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_agenda_item_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['working_group.id'], name=op.f('fk_agenda_item_group_id_working_group'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['occurrence_id'], ['meeting_occurrence.id'], name=op.f('fk_agenda_item_occurrence_id_meeting_occurrence'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['presenter_id'], ['member.id'], name=op.f('fk_agenda_item_presenter_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['member.id'], name=op.f('fk_agenda_item_submitted_by_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item')),
    sa.UniqueConstraint('carried_from_id', name=op.f('uq_agenda_item_carried_from_id')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_agenda_item_community_id_number'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_occurrence_id'), ['occurrence_id'], unique=False)

    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_decision_agenda_item_id_agenda_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_decision_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_decision_created_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['occurrence_id'], ['meeting_occurrence.id'], name=op.f('fk_decision_occurrence_id_meeting_occurrence'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_decision_community_id_number'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_occurrence_id'), ['occurrence_id'], unique=False)

    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.add_column(sa.Column('agenda_deadline_hours', sa.Integer(), nullable=False, server_default='48'))
        batch_op.add_column(sa.Column('minutes_approvals', sa.Integer(), nullable=False, server_default='1'))



def downgrade() -> None:
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.drop_column('minutes_approvals')
        batch_op.drop_column('agenda_deadline_hours')

    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_occurrence_id'))
        batch_op.drop_index(batch_op.f('ix_decision_community_id'))

    op.drop_table('decision')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_occurrence_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_community_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_occurrence_meeting_id'))

    op.drop_table('meeting_occurrence')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_community_id'))

    op.drop_table('meeting')
