"""The GraphQL enums given to the catalogue's Literal vocabularies hold exactly their values."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_args

import pytest
from pydantic import BaseModel

from socialaid.catalogue.files import Benefit, Dependency, ItemFile, MaterialUse
from socialaid.catalogue.graphql_vocabulary import (
    BenefitPeriod,
    Category,
    Necessity,
    OnDenied,
    Original,
    Prerequisite,
)


def literal_values(model: type[BaseModel], field: str) -> set[Any]:
    """The strings a file's field may hold: its Literal's, whether optional or not."""
    annotation = model.model_fields[field].annotation
    literals = [arg for arg in get_args(annotation) if get_args(arg)] or [annotation]
    return {value for literal in literals for value in get_args(literal)}


@pytest.mark.parametrize(
    ("enum", "model", "field"),
    [
        (Category, ItemFile, "category"),
        (BenefitPeriod, Benefit, "period"),
        (Necessity, MaterialUse, "necessity"),
        (Original, MaterialUse, "original"),
        (OnDenied, Dependency, "on_denied"),
        (Prerequisite, Dependency, "prerequisite"),
    ],
)
def test_each_enum_has_the_values_of_the_literal_it_names(
    enum: type[StrEnum], model: type[BaseModel], field: str
) -> None:
    assert {member.value for member in enum} == literal_values(model, field)
    assert literal_values(model, field)  # the field is still a Literal of strings
