"""questions: FAQ entries and versions, tickets, stored embeddings

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-24 23:37:09.503300
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0006'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('knowledge_vector',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('model', sa.String(length=64), nullable=False),
    sa.Column('vector', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_knowledge_vector'))
    )
    with op.batch_alter_table('knowledge_vector', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_knowledge_vector_model'), ['model'], unique=False)

    op.create_table('faq_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('source_url', sa.String(length=1000), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('helpful', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_faq_entry_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_faq_entry_created_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['working_group.id'], name=op.f('fk_faq_entry_group_id_working_group'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['member.id'], name=op.f('fk_faq_entry_updated_by_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_faq_entry')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_faq_entry_community_id_number'))
    )
    with op.batch_alter_table('faq_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_faq_entry_community_id'), ['community_id'], unique=False)

    op.create_table('faq_version',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['faq_entry.id'], name=op.f('fk_faq_version_entry_id_faq_entry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('entry_id', 'lang', name=op.f('pk_faq_version'))
    )
    op.create_table('ticket',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('asker_id', sa.Integer(), nullable=True),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('status', sa.Enum('open', 'assigned', 'answered', 'closed', name='ticketstatus', native_enum=False, length=16), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=True),
    sa.Column('offered', sa.JSON(), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('faq_entry_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['member.id'], name=op.f('fk_ticket_answered_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['asker_id'], ['member.id'], name=op.f('fk_ticket_asker_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['assignee_id'], ['member.id'], name=op.f('fk_ticket_assignee_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_ticket_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['faq_entry_id'], ['faq_entry.id'], name=op.f('fk_ticket_faq_entry_id_faq_entry'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['group_id'], ['working_group.id'], name=op.f('fk_ticket_group_id_working_group'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_ticket_community_id_number'))
    )
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_asker_id'), ['asker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ticket_community_id'), ['community_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ticket_community_id'))
        batch_op.drop_index(batch_op.f('ix_ticket_asker_id'))

    op.drop_table('ticket')
    op.drop_table('faq_version')
    with op.batch_alter_table('faq_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_faq_entry_community_id'))

    op.drop_table('faq_entry')
    with op.batch_alter_table('knowledge_vector', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_knowledge_vector_model'))

    op.drop_table('knowledge_vector')
