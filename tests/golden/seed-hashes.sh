#!/usr/bin/env bash
# The SHA-256 of each seed article's record, as `extract --out` writes it with
# its `updated` time and `extractor` version blanked, one "HASH  NAME" line
# per record. The seed articles stay in ../shared/seeds: only these hashes
# are kept in the repository (tests/golden/seeds.sha256).
#
#   tests/golden/seed-hashes.sh BINARY SEEDS_DIR            # print the hashes
#   tests/golden/seed-hashes.sh BINARY SEEDS_DIR --check    # compare, fail on a change
set -euo pipefail
bin=$1
seeds=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" extract "$seeds" --out "$out" >/dev/null
actual="$out/seeds.sha256"
for record in "$out"/*.curation.json; do
  name=$(basename "$record")
  hash=$(sed -E 's/^(  "(updated|extractor)": ).*$/\1"",/' "$record" | sha256sum | cut -d' ' -f1)
  echo "$hash  $name"
done >"$actual"
if [ "${3:-}" = "--check" ]; then
  if ! diff -u "$here/seeds.sha256" "$actual"; then
    echo "seed records differ from tests/golden/seeds.sha256 (lines marked + are the new hashes)" >&2
    exit 1
  fi
  echo "seed records: $(wc -l <"$actual") match tests/golden/seeds.sha256"
else
  cat "$actual"
fi
