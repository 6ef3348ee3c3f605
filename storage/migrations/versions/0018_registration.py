"""meeting registration: who registered, interpretation language, accessibility note

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0018'
down_revision: str | tuple[str, ...] | None = '0017'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('meeting', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('registration', sa.Boolean(), server_default=sa.false(), nullable=False))

    op.create_table('meeting_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occurrence_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('interpretation', sa.String(length=2), nullable=True),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_meeting_registration_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['occurrence_id'], ['meeting_occurrence.id'], name=op.f('fk_meeting_registration_occurrence_id_meeting_occurrence'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_registration')),
    sa.UniqueConstraint('occurrence_id', 'member_id', name=op.f('uq_meeting_registration_occurrence_id_member_id'))
    )
    with op.batch_alter_table('meeting_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_registration_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_registration_occurrence_id'), ['occurrence_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting_registration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_registration_occurrence_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_registration_member_id'))

    op.drop_table('meeting_registration')
    # never a copy of the table: on SQLite dropping the old meeting table (foreign keys on) would delete every
    # occurrence; SQLite ≥ 3.35 drops a column in place
    with op.batch_alter_table('meeting', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('registration')
