"""sides as long as a party's name

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 23:40:00

A named party that no list knows speaks on a side of its own, its canonical name ("جبهة الخلاص
الوطني"), which can be longer than the English labels the side columns were sized for.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0006'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    for table in ('claims', 'actors'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('side', existing_type=sa.String(length=40), type_=sa.String(length=200),
                                  existing_nullable=True)


def downgrade() -> None:
    for table in ('claims', 'actors'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('side', existing_type=sa.String(length=200), type_=sa.String(length=40),
                                  existing_nullable=True)
