"""Where the data socialaid ships with lives: alembic migrations, the shared catalogue libraries and
the seed tenants (one folder per region).

They are edited in the checkout's top-level folders `migrations/`, `catalogue/` and `tenants/`;
a built wheel carries copies of them as `socialaid/_data/<folder>` (setup.py copies them at build
time). This module is the one place that knows both: an installed package reads its copies, a
source checkout or an editable install reads the folders being edited.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

# setup.py copies the same three folders; it cannot import this module (it runs before install).
FOLDERS = ("migrations", "catalogue", "tenants")
BUNDLE = "_data"


class MissingDataError(RuntimeError):
    """Neither the installed package nor a checkout around it holds the data folders."""


def _on_disk(location: Traversable) -> Path:
    # alembic and the loaders walk real directories; a normal pip install unpacks the wheel, so
    # the package's files are a Path. A zipped install would need extracting, which nobody does.
    if not isinstance(location, Path):
        raise MissingDataError(f"socialaid must be installed unpacked, not from {location}")
    return location


@cache
def data_root() -> Path:
    """The folder holding migrations/, catalogue/ and tenants/."""
    package = resources.files("socialaid")
    bundled = package / BUNDLE
    if bundled.is_dir():
        # A folder left out of the build must stop the server: an empty tenants/ would seed
        # nothing and serve no region without a word.
        missing = [folder for folder in FOLDERS if not (bundled / folder).is_dir()]
        if missing:
            raise MissingDataError(
                f"the installed package lacks {', '.join(missing)} in {bundled}: a bad build"
            )
        return _on_disk(bundled)
    # No copies beside the modules: this is src/socialaid of a checkout, the data two levels up.
    checkout = _on_disk(package).parent.parent
    if all((checkout / folder).is_dir() for folder in FOLDERS):
        return checkout
    raise MissingDataError(
        f"no {', '.join(FOLDERS)} in {_on_disk(package) / BUNDLE} (installed package)"
        f" or in {checkout} (source checkout): the package was built without its data"
    )


def is_checkout() -> bool:
    """Whether the data are the checkout's own folders, which are meant to be edited."""
    return data_root().name != BUNDLE


def migrations_dir() -> Path:
    """alembic's script location: env.py and versions/."""
    return data_root() / "migrations"


def catalogue_dir() -> Path:
    """The shared libraries: data elements, evidence types, target groups, code lists."""
    return data_root() / "catalogue"


def tenants_dir() -> Path:
    """One folder per region: tenant.yaml and its catalogue."""
    return data_root() / "tenants"
