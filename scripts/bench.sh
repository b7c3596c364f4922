#!/usr/bin/env bash
# The figures of docs/hieu-nang.md: a release build, a generated register (ward scale, or
# 200,000 persons), imported, then `tiepdan bench` on it; the files are removed after.
# Usage: scripts/bench.sh [ward|200k|city|stress] [folder for the files, default /tmp]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
size="${1:-ward}"
dir="${2:-/tmp}"
case "$size" in
  ward | city | stress) gen=(--scale "$size") ;;
  200k) gen=(--persons 200000) ;;
  *) echo "cỡ không có: $size (ward, 200k, city, stress)" >&2; exit 2 ;;
esac
cargo build --release --bin tiepdan
bin="${CARGO_TARGET_DIR:-target}/release/tiepdan"
json="$dir/tiepdan-bench-$size.json"
db="$dir/tiepdan-bench-$size.sqlite3"
trap 'rm -f "$json" "$db" "$db-wal" "$db-shm"' EXIT
rm -f "$json" "$db" "$db-wal" "$db-shm"
"$bin" generate "${gen[@]}" --seed 9 --until 2026-11-27 --out "$json"
time "$bin" --db "$db" import "$json"
rm -f "$json"
uptime
"$bin" --db "$db" bench
uptime
