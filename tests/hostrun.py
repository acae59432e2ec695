"""The one helper the layer tests use to ask the host interpreter (the CPython 3.11 oracle).

``run_host(code)`` runs ``code`` under ``sys.executable`` (never ``python3`` from PATH, see
docs/cpython-facts.md) in a fresh process with ``PYTHONHASHSEED=0``, and returns what it
printed:
parsed as JSON (``parse="json"``, the default), as a Python literal (``parse="literal"``),
or the raw text (``parse="text"``).  ``dedent`` strips the common indentation of an indented
triple-quoted snippet; ``args`` become ``sys.argv[1:]``; ``input`` is fed to stdin.  A failing
snippet raises ``subprocess.CalledProcessError``.
"""

import ast
import json
import os
import subprocess
import sys
import textwrap


def run_host(code, *, parse="json", dedent=True, args=(), input=None, timeout=120):
    if dedent:
        code = textwrap.dedent(code)
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, input=input,
                         capture_output=True, text=True, check=True, timeout=timeout)
    if parse == "json":
        return json.loads(out.stdout)
    if parse == "literal":
        return ast.literal_eval(out.stdout.strip())
    return out.stdout
