"""blocking-key counts kept with the keys; indexes for undated keys and for nested_in

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 19:40:00

The counts of the keys already stored are taken here, in one pass over the claim_keys index; from
then on every write of keys adds to them and every re-analysis takes its old keys off. A partial index
gives a key's undated claims in id order (an update takes the first few), and the index on
claims.nested_in lets the comparable claims be counted without reading every claim row.
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    from claimcheck.store.database import count_keys

    op.create_table('claim_key_counts',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    count_keys(op.get_bind())
    op.create_index('ix_claim_keys_undated', 'claim_keys', ['key', 'claim_id'], unique=False,
                    sqlite_where=sa.text('start IS NULL'), postgresql_where=sa.text('start IS NULL'))
    op.create_index(op.f('ix_claims_nested_in'), 'claims', ['nested_in'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_claims_nested_in'), table_name='claims')
    op.drop_index('ix_claim_keys_undated', table_name='claim_keys')
    op.drop_table('claim_key_counts')
