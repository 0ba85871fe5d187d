#!/usr/bin/env bash
# Set up (if needed) and run the whole test suite, the real-browser test included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[test]"
bash scripts/browser_deps.sh
exec .venv/bin/python -m pytest "$@"
