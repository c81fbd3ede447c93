"""Render the printable application form (WeasyPrint, Noto CJK) against a one-line PDF baseline
rendered in the same run; print median, p99 and their ratios.

    .venv/bin/python bench/bench_print.py [--runs 60]

The application is Shanxi's merged form for 低收入人口认定 + 临时救助 + 就业救助 (004 附件2 sections),
a family of three with one supporter, every material listed: two pages. The baseline is
`rendering.pdf_of` on one line of Chinese text with the same stylesheet, so the ratio is what the
form's layout costs beyond WeasyPrint's fixed cost per document. Runs alternate between the two
so that other load on the machine falls on both alike. No database: reading and authorising take
milliseconds (see the other sections); rendering is the cost measured here.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from socialaid.catalogue.files import ItemFile, TenantCatalogueFile
from socialaid.catalogue.library import load_library
from socialaid.datafiles import parse_file
from socialaid.forms import compile_form
from socialaid.printing.rendering import application_pdf, notice_pdf, pdf_of
from socialaid.printing.sheets import (
    ApplicationSheet,
    Cell,
    NoticeSheet,
    application_sections,
    material_lines,
)

ROOT = Path(__file__).resolve().parents[1]
TENANT = ROOT / "tenants" / "140000-shanxi"
ITEMS = ["low_income_recognition", "temporary_assistance", "employment_assistance"]
APPLICANT_ID = "14010519610830248X"


def member(name: str, relation: str, id_number: str) -> dict[str, object]:
    return {"name": name, "id_number": id_number, "relation": relation, "monthly_income": 0}


ANSWERS = {
    "applicant": {
        "name": "张秀英",
        "id_number": APPLICANT_ID,
        "hukou_address": "山西省太原市小店区坞城街道1号",
        "current_address": "山西省太原市小店区坞城街道1号",
        "application_reason": "丧失劳动能力，家庭无固定收入",
        "phone": "13912345678",
        "shanxi_hukou": True,
    },
    "household": {
        "size": 3,
        "income_monthly": 300,
        "members": [
            member("李建国", "spouse", "140105195902111377"),
            member("李小华", "son", "140105200505060012"),
        ],
    },
    "bank": {
        "account_holder": "张秀英",
        "holder_id_number": APPLICANT_ID,
        "account_number": "6222020200112233446",
    },
    "supporters": [{"name": "李大军", "relation": "son", "id_number": "140105198001010011"}],
    "situation": {"applying_outside_hukou": False, "has_disability": False},
}


def application_sheet() -> ApplicationSheet:
    items = {
        item.code: item
        for item in (parse_file(p, ItemFile) for p in sorted((TENANT / "items").glob("*.yaml")))
    }
    parameters = {
        p.key: p.value
        for p in parse_file(TENANT / "catalogue.yaml", TenantCatalogueFile).parameters
    }
    form = compile_form(
        load_library(ROOT / "catalogue"),
        items,
        ITEMS,
        tenant="140000",
        as_of=date(2025, 9, 1),
        parameters=parameters,
    )
    materials = [
        {
            "material": m.id,
            "evidence": m.evidence,
            "subject_path": "applicant",
            "status": "uploaded",
        }
        for m in form.materials
    ]
    return ApplicationSheet(
        tenant_name="山西省太原市小店区",
        applicant_name="张秀英",
        items=tuple(item.name for item in form.items),
        channel="窗口申请",
        submitted_on="2026年12月2日",
        document_number="3ebd135d-3079-4187-81dc-33338ea4cf1d",
        verification_code="5T3R-T7GW-K3ZF-6AYF-0Q1M",
        sections=application_sections(form, ANSWERS),
        materials=material_lines(form, materials, ANSWERS),
        personal_commitment=False,
    )


NOTICE = NoticeSheet(
    tenant_name="山西省太原市小店区",
    title="准予救助告知书",
    applicant_name="张秀英",
    item="低收入人口认定",
    department="山西省民政厅",
    facts=(Cell("办理结果", "准予救助"), Cell("救助金额", "1510.00元")),
    paragraphs=(
        "张秀英：",
        "您申请的“低收入人口认定”，经山西省民政厅审核，决定准予救助。",
        "山西省民政厅",
    ),
    closing=frozenset({"山西省民政厅"}),
    template_label=None,
    document_number="2a13bf2e-d0fd-4a55-b790-97c0f3088ae7",
    verification_code="G3VT-162Z-BZ97-C411-JB8S",
)

ONE_LINE = "<!DOCTYPE html><html lang='zh-CN'><body><p>社会救助“一件事”</p></body></html>"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _timed(render: Callable[[], bytes]) -> float:
    start = time.perf_counter()
    render()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()

    sheet = application_sheet()
    renders: dict[str, Callable[[], bytes]] = {
        "baseline: one-line PDF": lambda: pdf_of(ONE_LINE),
        "application form": lambda: application_pdf(sheet),
        "decision notice": lambda: notice_pdf(NOTICE),
    }
    sizes = {name: len(render()) for name, render in renders.items()}
    for _ in range(args.warmup):
        for render in renders.values():
            render()
    samples: dict[str, list[float]] = {name: [] for name in renders}
    for _ in range(args.runs):
        for name, render in renders.items():
            samples[name].append(_timed(render) * 1000)
    base_median = statistics.median(samples["baseline: one-line PDF"])
    base_p99 = _percentile(samples["baseline: one-line PDF"], 0.99)
    for name, ms in samples.items():
        median, p99 = statistics.median(ms), _percentile(ms, 0.99)
        print(
            f"{name:<24} runs={len(ms):<4} median={median:8.1f} ms  p99={p99:8.1f} ms  "
            f"×baseline median {median / base_median:5.2f}  p99 {p99 / base_p99:5.2f}  "
            f"{sizes[name] // 1024} KiB"
        )


if __name__ == "__main__":
    main()
