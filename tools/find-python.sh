#!/usr/bin/env bash
# Prints the absolute path of the first Python interpreter that actually runs and is >= 3.11.
# 3.12 is preferred: PySide6 6.12.0 crashes on 3.11 (pyproject pins 6.11.3 there instead).
# pyenv shims fail for a version that is installed but not selected, so each candidate is
# also tried with PYENV_VERSION set to the newest installed matching version.
set -u
try() {  # $1 = command, $2 = optional PYENV_VERSION
    local out
    if [ -n "${2:-}" ]; then
        out=$(PYENV_VERSION="$2" "$1" -c 'import sys; assert sys.version_info >= (3, 11); print(sys.executable)' 2>/dev/null) || return 1
    else
        out=$("$1" -c 'import sys; assert sys.version_info >= (3, 11); print(sys.executable)' 2>/dev/null) || return 1
    fi
    [ -x "$out" ] && echo "$out"
}
for minor in 3.12 3.13 3.11; do
    try "python$minor" && exit 0
    if command -v pyenv >/dev/null 2>&1; then
        v=$(pyenv versions --bare 2>/dev/null | grep -E "^${minor//./\\.}(\.[0-9]+)?$" | sort -V | tail -n 1)
        [ -n "$v" ] && try "python$minor" "$v" && exit 0
    fi
done
try python3 && exit 0
echo "No Python >= 3.11 found: install python3.12 (or python3.11)" >&2
exit 1
