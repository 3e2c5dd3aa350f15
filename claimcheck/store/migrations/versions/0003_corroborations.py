"""corroborating pairs of claims, stored with the conflicts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 18:00:00

The pairs of claims already stored are worked out here once, so that an upgraded store shows its
corroboration groups at once.
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
    _fill_links()


def _fill_links() -> None:
    from sqlalchemy.orm import Session

    from claimcheck.config import load_settings
    from claimcheck.conflicts.corroboration import links
    from claimcheck.store.database import ClaimRow, CorroborationRow, claim_from_row

    session = Session(bind=op.get_bind())
    claims = [claim_from_row(r) for r in session.scalars(sa.select(ClaimRow))]
    rows = [dict(claim_a=k.a, claim_b=k.b, across=k.across) for k in links(claims, load_settings().conflicts)]
    if rows:
        session.execute(CorroborationRow.__table__.insert(), rows)
    session.flush()


def downgrade() -> None:
    op.drop_index(op.f('ix_corroborations_claim_b'), table_name='corroborations')
    op.drop_table('corroborations')
