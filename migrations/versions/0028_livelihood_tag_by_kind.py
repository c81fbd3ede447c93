"""livelihood tags by kind (issue 22, province scale): the discovery job reads the holders of the
kinds a rule cannot be true without, in key order, instead of every resident (ADR 0039)

Revision ID: 0028
Revises: 0029
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The primary key is (tenant, resident, kind): it finds a resident's tags, not a kind's
    # holders. A province's table is built here in one statement; on a live database with tens
    # of millions of tags an operator may prefer CREATE INDEX CONCURRENTLY by hand first (same
    # name), which this migration then finds.
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_livelihood_tag_kind"
        " ON livelihood_tag (tenant_id, kind, subject_key)"
    )


def downgrade() -> None:
    op.drop_index("ix_livelihood_tag_kind", table_name="livelihood_tag")
