"""The complete metadata for alembic: importing this module registers every domain's tables.

It sits above the domains (as `api` does for the GraphQL schema), so `db` imports none of them.
"""

from __future__ import annotations

from socialaid.applications import models as _applications  # noqa: F401
from socialaid.applications import review_models as _reviews  # noqa: F401
from socialaid.audit import models as _audit  # noqa: F401
from socialaid.calendars import models as _calendars  # noqa: F401
from socialaid.catalogue import models as _catalogue  # noqa: F401
from socialaid.db.base import SQLModel
from socialaid.discovery import models as _discovery  # noqa: F401
from socialaid.forms import models as _forms  # noqa: F401
from socialaid.grants import models as _grants  # noqa: F401
from socialaid.materials import models as _materials  # noqa: F401
from socialaid.monitoring import models as _monitoring  # noqa: F401
from socialaid.needs import models as _needs  # noqa: F401
from socialaid.notifications import models as _notifications  # noqa: F401
from socialaid.policy_questions import models as _policy_questions  # noqa: F401
from socialaid.reform import models as _reform  # noqa: F401
from socialaid.statistics import models as _statistics  # noqa: F401
from socialaid.tenancy import models as _tenancy  # noqa: F401
from socialaid.webhooks import models as _webhooks  # noqa: F401

metadata = SQLModel.metadata
