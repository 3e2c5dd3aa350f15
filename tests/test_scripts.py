"""The scripts the README tells a new user to run."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

from conftest import ROOT


def test_the_test_command_shows_why_tests_were_skipped(tmp_path):
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    (command,) = re.findall(r"^python -m pytest (.*?)\"\$@\"", script, re.M)
    assert "bash scripts/test.sh" in (ROOT / "README.md").read_text(encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(
        "import pytest\n\n\n@pytest.mark.skip(reason='no PostgreSQL server binaries here')\ndef test_a():\n    pass\n",
        encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", *shlex.split(command), "-p", "no:cacheprovider",
                           str(tmp_path / "test_sample.py")], capture_output=True, text=True, cwd=tmp_path)
    assert "SKIPPED [1]" in done.stdout and "no PostgreSQL server binaries here" in done.stdout, done.stdout
