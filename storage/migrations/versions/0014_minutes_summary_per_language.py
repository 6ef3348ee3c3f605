"""a meeting's minutes summary per language: an Arabic edit no longer replaces what English readers see

The one `summary` goes to the language its letters say (Arabic letters dominate -> `summary_ar`, else `summary_en`;
the rule of `dialogs.common.text.script_language`, copied so the migration stays as written); downgrade joins the two
back, Arabic first.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0014'
down_revision: str | tuple[str, ...] | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_occurrence = sa.table(
    'meeting_occurrence',
    sa.column('id', sa.Integer()),
    sa.column('summary', sa.Text()),
    sa.column('summary_ar', sa.Text()),
    sa.column('summary_en', sa.Text()),
)


def _is_arabic(text: str) -> bool:
    arabic = len(_ARABIC_LETTER.findall(text))
    return arabic > 0 and arabic >= len(_LATIN_LETTER.findall(text))


def upgrade() -> None:
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary_ar', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('summary_en', sa.Text(), nullable=False, server_default=''))
    connection = op.get_bind()
    written = connection.execute(sa.select(_occurrence.c.id, _occurrence.c.summary).where(_occurrence.c.summary != ''))
    for row_id, summary in written.all():
        column = 'summary_ar' if _is_arabic(summary) else 'summary_en'
        connection.execute(_occurrence.update().where(_occurrence.c.id == row_id).values({column: summary}))
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.drop_column('summary')
        batch_op.alter_column('summary_ar', server_default=None)
        batch_op.alter_column('summary_en', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary', sa.Text(), nullable=False, server_default=''))
    connection = op.get_bind()
    written = connection.execute(
        sa.select(_occurrence.c.id, _occurrence.c.summary_ar, _occurrence.c.summary_en).where(
            sa.or_(_occurrence.c.summary_ar != '', _occurrence.c.summary_en != '')
        )
    )
    for row_id, arabic, english in written.all():
        joined = '\n\n'.join(text for text in (arabic, english) if text)
        connection.execute(_occurrence.update().where(_occurrence.c.id == row_id).values(summary=joined))
    with op.batch_alter_table('meeting_occurrence', schema=None) as batch_op:
        batch_op.drop_column('summary_en')
        batch_op.drop_column('summary_ar')
        batch_op.alter_column('summary', server_default=None)
