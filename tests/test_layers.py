"""The layers hold: `make lint` runs import-linter, and so does a pytest-only run."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_of_pyproject_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_app_reads_another_apps_models_through_the_app_registry():
    """``apps.get_model("culture", ...)`` in another app hides from import-linter what the "models"
    contract forbids; migrations (which must use it) and tests are left out."""
    package = ROOT / "municipium"
    found = []
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).parts
        if "migrations" in parts or "tests" in parts:
            continue
        for app in re.findall(r"""get_model\(\s*["'](\w+)["']""", path.read_text()):
            if app != parts[0] and (package / app).is_dir():
                found.append(f"{'/'.join(parts)}: {app}")
    assert found == []
