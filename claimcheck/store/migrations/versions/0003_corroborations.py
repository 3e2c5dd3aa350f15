"""corroborating pairs of claims, stored with the conflicts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 18:00:00

The table starts empty: working the pairs out here would read every stored claim at once, which an
archive's upgrade cannot afford. New ingests fill it; `claimcheck conflicts --rebuild` fills it for the
claims stored before.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('corroborations',
    sa.Column('claim_a', sa.String(length=16), nullable=False),
    sa.Column('claim_b', sa.String(length=16), nullable=False),
    sa.Column('across', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['claim_a'], ['claims.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claim_b'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_a', 'claim_b')
    )
    op.create_index(op.f('ix_corroborations_claim_b'), 'corroborations', ['claim_b'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_corroborations_claim_b'), table_name='corroborations')
    op.drop_table('corroborations')
