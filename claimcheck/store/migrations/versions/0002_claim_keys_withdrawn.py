"""blocking keys per claim (indexed) for incremental conflicts; withdrawn conflicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 10:00:00

The keys of claims already stored are worked out here, one article at a time, so that an
upgraded store is compared incrementally from its first ingest on.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('claim_keys',
    sa.Column('claim_id', sa.String(length=16), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'key')
    )
    op.create_index('ix_claim_keys_key_start', 'claim_keys', ['key', 'start'], unique=False)
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn', sa.Boolean(), server_default=sa.false(), nullable=False))
    _fill_keys()


def _fill_keys() -> None:
    from sqlalchemy.orm import Session

    from claimcheck.conflicts.blocking import claim_keys
    from claimcheck.store.database import ClaimKeyRow, ClaimRow, claim_from_row

    session = Session(bind=op.get_bind())
    articles = session.scalars(sa.select(ClaimRow.article_id).distinct()).all()
    for article_id in articles:
        claims = [claim_from_row(r) for r in session.scalars(sa.select(ClaimRow).where(ClaimRow.article_id == article_id))]
        rows = [dict(claim_id=cid, key=key, start=k.start, end=k.end)
                for cid, k in claim_keys(claims).items() for key in k.keys]
        if rows:
            session.execute(ClaimKeyRow.__table__.insert(), rows)
        session.expunge_all()
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table('conflicts', schema=None) as batch_op:
        batch_op.drop_column('withdrawn')
    op.drop_index('ix_claim_keys_key_start', table_name='claim_keys')
    op.drop_table('claim_keys')
