"""The reviewed file format of a tenant: tenants/<code>-<name>/tenant.yaml."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from socialaid.sources import SourceRef

TenantCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")]
DepartmentCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
ChineseName = Annotated[str, StringConstraints(min_length=1, max_length=100, strip_whitespace=True)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DepartmentFile(_Strict):
    code: DepartmentCode
    name: ChineseName
    source: SourceRef


class AreaFile(_Strict):
    code: AreaCode
    name: ChineseName
    level: Literal["county", "street", "community"]
    source: SourceRef
    children: list[AreaFile] = Field(default_factory=list)


class TenantFile(_Strict):
    code: TenantCode
    name: ChineseName
    level: Literal["province", "city", "county"]
    parent: TenantCode | None = None
    source: SourceRef
    departments: list[DepartmentFile] = Field(default_factory=list)
    areas: list[AreaFile] = Field(default_factory=list)
