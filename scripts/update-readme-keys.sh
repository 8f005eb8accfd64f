#!/usr/bin/env bash
# Rewrites the README's key table from `coproduce keys` (the action table), after a change
# to the keys. The test suite checks the README against the table.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product coproduce >/dev/null
keys="$("$(swift build --show-bin-path)/coproduce" keys)"
python3 - "$keys" <<'PY'
import sys
keys = sys.argv[1].rstrip("\n")
s = open("README.md").read()
begin = s.index("<!-- keys:begin -->\n") + len("<!-- keys:begin -->\n")
end = s.index("\n<!-- keys:end -->")
open("README.md", "w").write(s[:begin] + keys + s[end:])
PY
