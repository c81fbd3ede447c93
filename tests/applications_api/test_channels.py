"""Every channel the catalogue knows reaches clients as a described GraphQL enum value."""

from __future__ import annotations

from socialaid.applications.models import CHANNELS
from socialaid.applications.submission import CHANNEL_LABELS
from socialaid.catalogue.files import Channel
from socialaid.catalogue.graphql_vocabulary import ChannelEnum
from tests.graphql_client import default_schema


def test_the_graphql_channels_are_exactly_the_catalogue_channels() -> None:
    assert [c.value for c in ChannelEnum] == [c.value for c in Channel] == CHANNELS


def test_every_channel_is_described_in_the_schema_and_has_a_label_for_the_timeline() -> None:
    enum = default_schema()._schema.get_type("ApplicationChannel")
    assert [name for name, value in enum.values.items() if not value.description] == []
    assert set(CHANNEL_LABELS) == set(CHANNELS)
