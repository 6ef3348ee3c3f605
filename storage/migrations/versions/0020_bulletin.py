"""the monthly bulletin: its day, drafts and the facilitators' editorial paragraphs

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0020'
down_revision: str | tuple[str, ...] | None = '0019'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('bulletin_setting',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Integer(), nullable=True),
    sa.Column('time', sa.String(length=5), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_bulletin_setting_community_id_community'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('community_id', name=op.f('pk_bulletin_setting'))
    )
    op.create_table('bulletin_edition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('note_lang', sa.String(length=8), nullable=True),
    sa.Column('note_by_id', sa.Integer(), nullable=True),
    sa.Column('note_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_bulletin_edition_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['note_by_id'], ['member.id'], name=op.f('fk_bulletin_edition_note_by_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bulletin_edition')),
    sa.UniqueConstraint('community_id', 'period', name=op.f('uq_bulletin_edition_community_id_period'))
    )
    with op.batch_alter_table('bulletin_edition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bulletin_edition_community_id'), ['community_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('bulletin_edition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bulletin_edition_community_id'))

    op.drop_table('bulletin_edition')
    op.drop_table('bulletin_setting')
