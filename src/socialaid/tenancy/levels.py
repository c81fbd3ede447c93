"""Administrative levels, from the province down to the community."""

from __future__ import annotations

from enum import StrEnum


class AdminLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    STREET = "street"
    COMMUNITY = "community"


TENANT_LEVELS = (AdminLevel.PROVINCE, AdminLevel.CITY, AdminLevel.COUNTY)
AREA_LEVELS = (AdminLevel.COUNTY, AdminLevel.STREET, AdminLevel.COMMUNITY)
