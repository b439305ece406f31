#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what the browser tests need, then
# type-check, lint, unit tests, build, end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# nftables and iproute2 build the room network (test/e2e/roomNetwork.ts); they live in sbin.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null ||
  ! PATH="$PATH:/usr/sbin:/sbin" command -v nft >/dev/null || ! PATH="$PATH:/usr/sbin:/sbin" command -v ip >/dev/null; then
  echo "Installing Chromium, poppler-utils, nftables and iproute2 from Debian for the browser tests…"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "Cannot install the browser tests' tools: run as root or install the 'chromium', 'poppler-utils', 'nftables' and 'iproute2' packages yourself." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium poppler-utils nftables iproute2 >/dev/null
fi

echo "== Type-check"; npm run --silent typecheck
echo "== Lint"; npm run --silent lint
echo "== Unit tests"; npx vitest run
echo "== Build"; npx electron-vite build
echo "== End-to-end tests"; npx playwright test
