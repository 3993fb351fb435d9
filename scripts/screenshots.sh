#!/usr/bin/env bash
# The dashboard's screenshots in docs/images: runs the demo with --serve, starts a rehearsal of the
# opening runbook on it, and photographs every page in headless Chromium as maria (pm, approver).
# Needs what the test suite needs (chromium, chromium-driver) and a free port 8431.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
jdk=$(find_jdk)
cd "$root"
port=${PORT:-8431}
demo=target/screenshot-demo
rm -rf "$demo"
JAVA_HOME="$jdk" mvn -B -q -ntp -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test.classpath >/dev/null
./golive demo --quick --serve --port "$port" --dir "$demo" > target/screenshot-demo.log 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "The dashboard is at" target/screenshot-demo.log 2>/dev/null && break
  kill -0 $pid 2>/dev/null || { cat target/screenshot-demo.log >&2; exit 1; }
  sleep 1
done
./golive runbook start opening --env production --rehearsal --as olga -f "$demo/golive.yaml" >/dev/null
"$jdk/bin/java" -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
  dev.golive.web.Screenshots "http://127.0.0.1:$port/" "$demo/dashboard-users.txt" docs/images
echo "screenshots: docs/images" >&2
