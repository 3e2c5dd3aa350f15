"""articles whose conflicts are not yet updated

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 18:40:00

Written with an article, removed with its conflict update: an ingest stopped between the two is
completed by the next one. A store upgraded from 0003 has every conflict up to date.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('conflicts_pending',
    sa.Column('article_id', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('article_id')
    )


def downgrade() -> None:
    op.drop_table('conflicts_pending')
