#!/usr/bin/env bash
# Install what the real-browser test needs, if missing: Debian's chromium (driven by playwright
# via executable_path=/usr/bin/chromium) and CJK fonts (without them Chinese renders as boxes).
# Idempotent: does nothing when both are present. Needs root (or sudo) to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "browser_deps: need root to install ${missing[*]} (apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi
echo "browser_deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
