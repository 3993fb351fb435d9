#!/usr/bin/env bash
# golive diag on a thread dump of 10,000 threads taken from a real JVM.
#
# bench/ManyThreads.java starts 10,000 platform threads in the stacks a loaded server shows: idle
# workers of a pool, threads blocked on 20 contended monitors and parked on 10 contended
# ReentrantLocks, threads sleeping 20 calls deep, threads in Object.wait. When all are in place,
# `jcmd PID Thread.print -l` writes the dump (about 12 MB) and the JVM is stopped. Then golive
# reads and analyses it, each run in a new JVM started through its launcher (./golive), and prints
# the time spent inside the JVM (`--timing`: reading, analysing, both, and the CPU time of the
# thread that did it), without the JVM's start and without printing the findings.
#
# Usage: bench/diag-10000-threads.sh [RUNS]      (default 5 runs)
# Needs: a JDK 21+ (java, jcmd) and Maven to build golive.
# Env:   THREADS     how many threads the dumped JVM has (default 10000)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-5}
threads=${THREADS:-10000}
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"
jdk=$(find_jdk)

"$root/golive" --version >/dev/null # builds target/golive.jar when it is missing or stale

work=$(mktemp -d /tmp/golive-bench.XXXXXX)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- the dump ---------------------------------------------------------------------------------
"$jdk/bin/java" -XX:+UseSerialGC "$root/bench/ManyThreads.java" "$threads" > "$work/app.out" 2>&1 &
app_pid=$!
for _ in $(seq 1 600); do
  grep -q '^ready' "$work/app.out" && break
  kill -0 "$app_pid" 2>/dev/null || { echo "bench: the JVM with $threads threads did not start:" >&2; cat "$work/app.out" >&2; exit 1; }
  sleep 0.2
done
grep -q '^ready' "$work/app.out" || { echo "bench: the JVM with $threads threads was not ready in 120 s" >&2; exit 1; }
"$jdk/bin/jcmd" "$app_pid" Thread.print -l > "$work/dump.txt"
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

dumped=$(grep -c '^"' "$work/dump.txt")
megabytes=$(awk -v b="$(stat -c %s "$work/dump.txt")" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "bench: golive diag on one dump of $dumped threads ($megabytes MB, $(wc -l < "$work/dump.txt") lines), $runs runs" >&2

# --- golive diag ------------------------------------------------------------------------------
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
totals=() reads=() analyses=() cpus=()
for i in $(seq 1 "$runs"); do
  if ! "$root/golive" diag --timing "$work/dump.txt" > "$work/diag.out" 2> "$work/timing.txt"; then
    echo "bench: golive diag failed:" >&2
    cat "$work/timing.txt" >&2
    exit 1
  fi
  # timing: read 11.9 MB in 0.180 s (66.2 MB/s), analysed in 0.122 s, 0.302 s in all (39.4 MB/s), CPU time 0.262 s
  line=$(grep '^timing:' "$work/timing.txt")
  read -r r a t c <<< "$(echo "$line" | sed -E 's/.* in ([0-9.]+) s \(.*analysed in ([0-9.]+) s, ([0-9.]+) s in all.*CPU time ([0-9.]+) s/\1 \2 \3 \4/')"
  reads+=("$r") analyses+=("$a") totals+=("$t") cpus+=("$c")
  printf 'run %d: read %.3f s, analysed %.3f s, in all %.3f s (%.1f MB/s), CPU %.3f s (load %s)\n' \
    "$i" "$r" "$a" "$t" "$(awk -v m="$megabytes" -v t="$t" 'BEGIN { print m / t }')" "$c" \
    "$(cut -d' ' -f1 /proc/loadavg)" >&2
done
findings=$(grep -cE '^[0-9]+\. (CRITICAL|WARNING|INFO)' "$work/diag.out" || true)
tm=$(printf '%s\n' "${totals[@]}" | median)
printf '%s on %s threads, %s MB: %s findings\n' "$("$root/golive" --version | head -1)" "$dumped" "$megabytes" "$findings"
printf 'read     median %.3f s\n' "$(printf '%s\n' "${reads[@]}" | median)"
printf 'analysed median %.3f s\n' "$(printf '%s\n' "${analyses[@]}" | median)"
printf 'in all   median %.3f s (%.1f MB/s); goal under 0.5 s\n' "$tm" "$(awk -v m="$megabytes" -v t="$tm" 'BEGIN { print m / t }')"
printf 'CPU      median %.3f s\n' "$(printf '%s\n' "${cpus[@]}" | median)"
