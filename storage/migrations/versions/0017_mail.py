"""e-mail as a second channel: what each member chose to receive by e-mail, and mails sent

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0017'
down_revision: str | tuple[str, ...] | None = '0016'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'mail_choice',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('topics', sa.JSON(), nullable=False),
        sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('changed_via', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ['community_id'], ['community.id'], name=op.f('fk_mail_choice_community_id_community'), ondelete='CASCADE'
        ),
        sa.ForeignKeyConstraint(
            ['member_id'], ['member.id'], name=op.f('fk_mail_choice_member_id_member'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_choice')),
        sa.UniqueConstraint('member_id', name=op.f('uq_mail_choice_member_id')),
    )
    op.create_index(op.f('ix_mail_choice_community_id'), 'mail_choice', ['community_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_mail_choice_community_id'), table_name='mail_choice')
    op.drop_table('mail_choice')
