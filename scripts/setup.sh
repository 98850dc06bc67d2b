#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the pinned dependencies and the project.
# Idempotent: does nothing when constraints.txt and pyproject.toml are unchanged since the last install.
set -euo pipefail
export TF_CPP_MIN_LOG_LEVEL=3
cd "$(dirname "$0")/.."

venv=.venv
stamp=$venv/.mingbao-installed

find_python310() {
    local candidate
    for candidate in "${MINGBAO_PYTHON:-}" python3.10; do
        if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 \
            && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    local root
    root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
    for candidate in "$root"/versions/3.10.*/bin/python3.10; do
        if [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
    echo "setup: $venv is not Python 3.10; recreating it" >&2
    rm -rf "$venv"
fi

if [ ! -x "$venv/bin/python" ]; then
    if ! python=$(find_python310); then
        cat >&2 <<'MSG'
setup: Python 3.10 was not found (rasa 3.6.21 needs Python >=3.8,<3.11; MingBao uses 3.10).
  Install it, e.g. `pyenv install 3.10.13`, or point MINGBAO_PYTHON at a python3.10 binary,
  then run `make setup` again.
MSG
        exit 1
    fi
    echo "setup: creating $venv with $python"
    "$python" -m venv "$venv"
fi

if [ -f "$stamp" ] && [ "$stamp" -nt constraints.txt ] && [ "$stamp" -nt pyproject.toml ]; then
    exit 0
fi

echo "setup: installing pinned dependencies (first time takes a few minutes)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -c constraints.txt -e '.[dev]' 2>&1 | grep -vE "^WARNING: Location .* is ignored|DEPRECATION: .* legacy 'setup.py install'" || true
"$venv/bin/python" -m pip check >/dev/null || {
    echo "setup: pip check found conflicting packages; run '$venv/bin/pip check' to see them" >&2
    exit 1
}
"$venv/bin/python" -c 'import importlib.metadata as m, alembic, jieba, bm25s, opencc, sqlalchemy; m.version("rasa"); m.version("spacy")' || {
    echo "setup: the install is incomplete (an import failed above); delete $venv and run make setup" >&2
    exit 1
}
touch "$stamp"
echo "setup: done"
