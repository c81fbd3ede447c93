"""Compile the merged form for every Shanghai leaf item, uncached; print median and p99.

    .venv/bin/python bench/bench_compile.py [--runs 500]

Target: ≤ 20 ms per uncached compilation. Leaf items that cannot be applied for (mode
organised, 非依申请) are left out of the selection, since compile_form refuses them.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from datetime import date
from pathlib import Path

from socialaid.catalogue.files import ItemFile, Mode, TenantCatalogueFile
from socialaid.catalogue.library import load_library
from socialaid.datafiles import parse_file
from socialaid.forms import FormCache, compile_form, validate_answers

ROOT = Path(__file__).resolve().parents[1]
TENANT = ROOT / "tenants" / "310000-shanghai"


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _report(name: str, samples: list[float]) -> None:
    ms = [s * 1000 for s in samples]
    print(
        f"{name:<28} runs={len(ms):<5} median={statistics.median(ms):7.2f} ms  "
        f"p99={_percentile(ms, 0.99):7.2f} ms  min={min(ms):6.2f} ms  max={max(ms):7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    library = load_library(ROOT / "catalogue")
    items = {
        item.code: item
        for item in (parse_file(p, ItemFile) for p in sorted((TENANT / "items").glob("*.yaml")))
    }
    parameters = {
        p.key: p.value
        for p in parse_file(TENANT / "catalogue.yaml", TenantCatalogueFile).parameters
    }
    parents = {item.parent for item in items.values() if item.parent}
    leaves = sorted(code for code in items if code not in parents)
    selected = [code for code in leaves if items[code].mode is not Mode.ORGANISED]
    skipped = sorted(set(leaves) - set(selected))
    print(f"Shanghai: {len(items)} items, {len(leaves)} leaves, {len(selected)} selected")
    if skipped:
        print(f"left out (organised, cannot be applied for): {', '.join(skipped)}")

    def compile_once() -> object:
        return compile_form(
            library, items, selected, tenant="310000", as_of=date(2025, 9, 1), parameters=parameters
        )

    for _ in range(args.warmup):
        compile_once()
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        form = compile_once()
        samples.append(time.perf_counter() - start)
    _report("compile_form (uncached)", samples)

    # A server loads the catalogue once; freezing what survives start-up keeps the collector from
    # re-scanning it during requests, which is most of the tail on a busy machine.
    gc.collect()
    gc.freeze()
    frozen = []
    for _ in range(args.runs):
        start = time.perf_counter()
        compile_once()
        frozen.append(time.perf_counter() - start)
    gc.unfreeze()
    _report("  same, after gc.freeze()", frozen)

    cache = FormCache()
    cached = []
    for _ in range(args.runs):
        start = time.perf_counter()
        cache.get_or_compile(
            library,
            items,
            selected,
            tenant="310000",
            as_of=date(2025, 9, 1),
            fingerprint="bench",
            parameters=parameters,
        )
        cached.append(time.perf_counter() - start)
    _report("FormCache.get_or_compile", cached[1:])

    answers = {"applicant": {"name": "张三", "id_number": "11010519491231002X"}}
    validations = []
    for _ in range(min(args.runs, 200)):
        start = time.perf_counter()
        validate_answers(form, answers)  # type: ignore[arg-type]
        validations.append(time.perf_counter() - start)
    _report("validate_answers", validations)

    reduction = form.reduction  # type: ignore[attr-defined]
    print(
        f"form: {reduction.fields_after} fields (from {reduction.fields_before}), "
        f"{reduction.materials_after} materials (from {reduction.materials_before})"
    )


if __name__ == "__main__":
    main()
