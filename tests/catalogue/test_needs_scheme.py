"""The needs-assessment scheme's references: checked against the tenant's catalogue (pure), and
Changning's as the files state it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from socialaid.catalogue.files import NeedsAssessmentScheme, TenantCatalogueFile
from socialaid.catalogue.loader import CatalogueLintError, load_catalogue_sources
from socialaid.catalogue.needs_scheme import scheme_problems
from socialaid.datafiles import parse_file

CHANGNING = Path(__file__).resolve().parents[2] / "tenants/310105-changning/catalogue.yaml"
SOURCE = {"seed": "001_02dcbafffb41dcb7.txt", "section": "三（六）18"}


def small_scheme() -> NeedsAssessmentScheme:
    return NeedsAssessmentScheme.model_validate(
        {
            "composite_threshold": "t_all",
            "dimensions": [
                {
                    "code": "health",
                    "name": "健康",
                    "weight": "w_health",
                    "threshold": "t_health",
                    "items": ["medical_aid", "no_such_item"],
                    "departments": ["healthcare_security", "no_such_department"],
                    "source": SOURCE,
                },
                {
                    "code": "health",
                    "name": "健康",
                    "weight": "w_health",
                    "threshold": "t_missing",
                    "source": SOURCE,
                },
            ],
            "source": SOURCE,
        }
    )


def test_every_reference_that_does_not_resolve_is_named_at_its_path() -> None:
    problems = scheme_problems(
        small_scheme(),
        items={"medical_aid"},
        departments={"healthcare_security"},
        parameter_units={"t_all": "比例", "w_health": "比例", "t_health": "元/人·月"},
    )
    assert problems == [
        ("dimensions[0].threshold", "parameter 't_health' must have unit 比例"),
        ("dimensions[0].items[1]", "item 'no_such_item' is not in the effective catalogue"),
        (
            "dimensions[0].departments[1]",
            "department 'no_such_department' is not a department of the tenant",
        ),
        ("dimensions[1].code", "dimension 'health' appears twice"),
        ("dimensions[1].threshold", "parameter 't_missing' is not declared"),
    ]


def test_changnings_scheme_names_the_six_dimensions_of_its_seed_with_parameters_unset() -> None:
    config = parse_file(CHANGNING, TenantCatalogueFile)
    scheme = config.needs_assessment
    assert scheme is not None
    # 001 三（六）18: 选取物质、健康、教育、就业、社会支持、儿童青少年家庭占比等维度
    assert [d.name for d in scheme.dimensions] == [
        "物质",
        "健康",
        "教育",
        "就业",
        "社会支持",
        "儿童青少年家庭占比",
    ]
    declared = {p.key: p for p in config.parameters}
    keys = [scheme.composite_threshold] + [
        k for d in scheme.dimensions for k in (d.weight, d.threshold)
    ]
    assert len(set(keys)) == 13
    # the seed states no weight or threshold: none has a value in the file
    assert all(declared[k].value is None and declared[k].unit == "比例" for k in keys)


def test_the_files_lint_names_a_scheme_item_the_tenant_does_not_have(tmp_path: Path) -> None:
    root = CHANGNING.parents[2]
    shutil.copytree(root / "catalogue", tmp_path / "catalogue")
    shutil.copytree(root / "tenants", tmp_path / "tenants")
    config = tmp_path / "tenants/310105-changning/catalogue.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("items: [medical_aid]", "items: [dental_aid]"), "utf-8")
    with pytest.raises(CatalogueLintError) as refused:
        load_catalogue_sources(tmp_path / "catalogue", tmp_path / "tenants")
    problems = refused.value.problems
    assert [(Path(p.file).name, p.path) for p in problems] == [
        ("catalogue.yaml", "needs_assessment.dimensions[1].items[0]")
    ]
    assert "dental_aid" in problems[0].message
