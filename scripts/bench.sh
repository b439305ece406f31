#!/usr/bin/env bash
# Benchmarks (results go in BENCHMARKS.md, with the command that produced them).
set -euo pipefail
cd "$(dirname "$0")/.."
npx electron-vite build >/dev/null
for bench in test/bench/*.bench.ts; do
  echo "== $bench"
  npx tsx "$bench"
done
