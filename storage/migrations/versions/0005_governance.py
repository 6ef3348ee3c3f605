"""governance: working group area and sector, the annual plan, endorsements, polls and votes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 23:36:39.168440

A decision no longer needs a meeting: an endorsement the members pass is recorded as a decision of its own
(`decision.occurrence_id` becomes nullable). On SQLite that column change rebuilds the `decision` table, so it
runs before anything refers to `decision`; `working_group` only gains and loses plain columns (ALTER TABLE ADD /
DROP COLUMN), never a rebuild, which would cascade to its memberships.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.alter_column('occurrence_id',
               existing_type=sa.INTEGER(),
               nullable=True)

    op.add_column('working_group', sa.Column('area', sa.String(length=120), nullable=True))
    op.add_column('working_group', sa.Column('sector', sa.String(length=120), nullable=True))

    op.create_table('plan_objective',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_plan_objective_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_plan_objective_created_by_id_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_objective')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_plan_objective_community_id_number'))
    )
    with op.batch_alter_table('plan_objective', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_objective_community_id'), ['community_id'], unique=False)

    op.create_table('objective_action',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('objective_id', sa.Integer(), nullable=False),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action.id'], name=op.f('fk_objective_action_action_id_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['objective_id'], ['plan_objective.id'], name=op.f('fk_objective_action_objective_id_plan_objective'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', name=op.f('pk_objective_action'))
    )
    with op.batch_alter_table('objective_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_objective_action_objective_id'), ['objective_id'], unique=False)

    op.create_table('proposal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('endorsement', 'poll', name='proposalkind', native_enum=False, length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('closes_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_by_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['closed_by_id'], ['member.id'], name=op.f('fk_proposal_closed_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_proposal_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['member.id'], name=op.f('fk_proposal_created_by_id_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_proposal_decision_id_decision'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposal')),
    sa.UniqueConstraint('community_id', 'number', name=op.f('uq_proposal_community_id_number'))
    )
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposal_community_id'), ['community_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proposal_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('choice', sa.String(length=16), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('cast_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_vote_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposal.id'], name=op.f('fk_vote_proposal_id_proposal'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vote')),
    sa.UniqueConstraint('proposal_id', 'member_id', name=op.f('uq_vote_proposal_id_member_id'))
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_proposal_id'), ['proposal_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_proposal_id'))
    op.drop_table('vote')

    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposal_community_id'))
    op.drop_table('proposal')

    with op.batch_alter_table('objective_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_objective_action_objective_id'))
    op.drop_table('objective_action')

    with op.batch_alter_table('plan_objective', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_objective_community_id'))
    op.drop_table('plan_objective')

    op.drop_column('working_group', 'sector')
    op.drop_column('working_group', 'area')

    op.execute("DELETE FROM decision WHERE occurrence_id IS NULL")  # endorsed by the members: no meeting to keep
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.alter_column('occurrence_id',
               existing_type=sa.INTEGER(),
               nullable=False)
