#!/usr/bin/env bash
# Set up (if needed) and open the review UI on the sample texts, with the offline default encoder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m aligner ui --headless "$@"
