"""`python3 dev.py test` and the programs tests drive: found where Debian puts them, and a missing
one that cannot be installed stops the run with the command to run, never a skipped test."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def dev_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_under_test", ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_missing_debian_tool_without_root_names_the_apt_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dev = dev_module()
    monkeypatch.setattr(dev, "DEBIAN_TOOLS", {"socialaid-no-such-tool": "no-such-package"})
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)

    with pytest.raises(dev.MissingToolError) as missing:
        dev.ensure_test_tools()

    assert "sudo apt-get install -y --no-install-recommends no-such-package" in str(missing.value)


def test_the_tools_the_tests_use_are_installed_after_dev_py_prepared_them() -> None:
    dev = dev_module()

    for tool in dev.DEBIAN_TOOLS:
        found = dev._which(tool)
        assert found, f"{tool} missing: `python3 dev.py test` installs it (or names the command)"
        assert (
            subprocess.run([found, "--version"], capture_output=True, check=False).returncode == 0
        )


def test_a_missing_debian_file_without_root_names_the_apt_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dev = dev_module()
    monkeypatch.setattr(dev, "DEBIAN_TOOLS", {})
    monkeypatch.setattr(dev, "DEBIAN_FILES", {"/nowhere/socialaid-*.ttc": "no-such-fonts"})
    monkeypatch.setattr(dev.os, "geteuid", lambda: 1000)

    with pytest.raises(dev.MissingToolError) as missing:
        dev.ensure_test_tools()

    assert "sudo apt-get install -y --no-install-recommends no-such-fonts" in str(missing.value)


def test_the_fonts_and_libraries_the_pdfs_need_are_installed_after_dev_py_prepared_them() -> None:
    dev = dev_module()

    for pattern, package in dev.DEBIAN_FILES.items():
        assert dev._installed(pattern), (
            f"{pattern} missing: `python3 dev.py test` installs {package}"
        )


def test_dev_py_test_stops_before_pytest_when_a_tool_is_missing(tmp_path: Path) -> None:
    code = (
        "import importlib.util, os, sys\n"
        f"spec = importlib.util.spec_from_file_location('dev', {str(ROOT / 'dev.py')!r})\n"
        "dev = sys.modules['dev'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(dev)\n"
        "dev.DEBIAN_TOOLS = {'socialaid-no-such-tool': 'no-such-package'}\n"
        "os.geteuid = lambda: 1000\n"
        "dev.run = lambda *cmd: sys.exit('ran ' + ' '.join(cmd))\n"
        "sys.exit(dev.test([]))\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )

    assert finished.returncode == 1
    assert "no-such-package" in finished.stderr
    assert "ran " not in finished.stderr + finished.stdout


def test_dev_py_test_checks_the_consoles_generated_types_and_runs_its_unit_tests() -> None:
    dev = dev_module()

    steps = dev.console_steps()

    web = str(ROOT / "web")
    assert [step[-4:] for step in steps] == [
        ("--prefix", web, "run", "codegen:check"),
        (steps[1][-4], "--prefix", web, "test"),
    ]
