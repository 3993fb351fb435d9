#!/usr/bin/env bash
# golive's load engine against wrk, in one run: throughput, requests per CPU-second, coordinated
# omission and memory per virtual user.
#
# A private nginx on a free loopback port serves one small static file; a small Java server of
# ours (bench/StallServer.java) stalls for 1 s every 10 s. The script measures:
#   1. closed model, 50 connections, no think time: golive `load` (users: 50) against
#      `wrk -t2 -c50`, requests per second and their ratio (goal: golive/wrk >= 0.9);
#   2. requests per CPU-second (user + system) of each process in the same runs; golive's also
#      with its start-up subtracted, measured as a load test of 0 users;
#   3. coordinated omission: golive's open model at a fixed rate against the stalling server,
#      its p95 and p99 against the true ones of that pattern, simulated here (goal: within 10%);
#      wrk against the same server shows what a closed-model tool reports;
#   4. memory per user: golive's resident memory with 10,000 users (GET, then 1 s think time)
#      minus that with 10 users, read at the same moment of the same test (goal: < 25 KB); then
#      the live heap of each (a class histogram, which collects all garbage first).
#
# Usage: bench/load-vs-wrk.sh          (about 11 minutes; QUICK=1 for a try-out of about 2)
# Needs: nginx, wrk, time (GNU), python3, a JDK 21+ and Maven to build golive, and an open files
# limit above MEMORY_USERS (the script raises its own to 65536, or else to the hard limit).
# Prints every run with the load average of the machine, then a summary.
# golive runs through its launcher (./golive), as users run it, with the launcher's JVM options for
# a load test; the launcher builds target/golive.jar when it is missing or stale.
# Env:   RUNS            closed-model runs of each contender, alternating (default 5, quick 1)
#        CLOSED_SECONDS  length of a closed-model run (default 20, quick 5)
#        CONNECTIONS     users of golive, connections of wrk (default 50)
#        OPEN_RATE       arrivals per second against the stalling server (default 200)
#        OPEN_SECONDS    length of the open-model test, a multiple of 10 (default 60, quick 20)
#        WRK_STALL_SECONDS  wrk's run against the stalling server, a multiple of 10 (default 60, quick 10)
#        MEMORY_USERS    users of the memory test (default 10000)
#        MEMORY_SECONDS  length of the memory test; memory is read half-way (default 40, quick 20)
#        MEMORY_RUNS     runs of the memory test, of which the median is taken (default 3, quick 1)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"

quick=${QUICK:-0}
pick() { if [ "$quick" = 1 ]; then echo "$2"; else echo "$1"; fi; }
runs=${RUNS:-$(pick 5 1)}
closed_seconds=${CLOSED_SECONDS:-$(pick 20 5)}
connections=${CONNECTIONS:-50}
open_rate=${OPEN_RATE:-200}
open_seconds=${OPEN_SECONDS:-$(pick 60 20)}
wrk_stall_seconds=${WRK_STALL_SECONDS:-$(pick 60 10)}
memory_users=${MEMORY_USERS:-10000}
memory_seconds=${MEMORY_SECONDS:-$(pick 40 20)}
memory_runs=${MEMORY_RUNS:-$(pick 3 1)}
stall_every=10 stall_for=1

if [ $((open_seconds % stall_every)) -ne 0 ] || [ $((wrk_stall_seconds % stall_every)) -ne 0 ]; then
  echo "bench: OPEN_SECONDS and WRK_STALL_SECONDS must be multiples of $stall_every s, the stall period" >&2
  exit 2
fi
for program in /usr/sbin/nginx wrk /usr/bin/time python3; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "bench: $program not found: apt-get install nginx wrk time python3" >&2
    exit 2
  fi
done
# Each user holds a connection, and so does nginx for each of them.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((memory_users + 1000)) ]; then
  echo "bench: the open files limit is $(ulimit -n); $memory_users users need one file each: lower MEMORY_USERS" >&2
  exit 2
fi

jdk=$(find_jdk)
java="$jdk/bin/java"
# golive runs through its launcher, with its JVM options for a load test; it gives the users'
# virtual threads the CPUs its event loops leave by itself.
golive="$root/golive"
"$golive" --version >/dev/null # builds target/golive.jar when it is missing or stale

work=$(mktemp -d /tmp/golive-bench.XXXXXX)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
load_average() { cut -d' ' -f1 /proc/loadavg; }
await_port() { # port, name, log
  local _
  for _ in $(seq 1 300); do
    (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: $2 did not listen on 127.0.0.1:$1 within 30 s:" >&2
  cat "$3" >&2
  exit 1
}

# --- nginx: one small static file, keep-alive without limit -----------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/html" "$work/nginx/logs"
head -c 459 /dev/urandom | base64 -w 0 > "$work/nginx/html/index.html" # 612 bytes, nginx's own page
cat > "$work/nginx/nginx.conf" <<CONFIG
$([ "$(id -u)" = 0 ] && echo 'user root;')
daemon off;
worker_processes auto;
worker_rlimit_nofile 65536;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 20000; }
http {
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 300s;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;
    root $work/nginx/html;
  }
}
CONFIG
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" > "$work/nginx/logs/console.log" 2>&1 &
pids+=($!)
await_port "$nginx_port" nginx "$work/nginx/logs/error.log"
static="http://127.0.0.1:$nginx_port/index.html"

# --- the stalling server ----------------------------------------------------------------------
stall_port=$(free_port)
"$java" "$root/bench/StallServer.java" "$stall_port" $((stall_every * 1000)) $((stall_for * 1000)) \
  > "$work/stall.log" 2>&1 &
pids+=($!)
await_port "$stall_port" StallServer "$work/stall.log"
stalling="http://127.0.0.1:$stall_port/"

# --- the plan ---------------------------------------------------------------------------------
mkdir -p "$work/plan"
cat > "$work/plan/golive.yaml" <<PLAN
system: bench
environments:
  bench: { entry: "http://127.0.0.1:$nginx_port" }
scenarios:
  static:
    steps:
      - { get: /index.html }
  browse:
    steps:
      - { get: /index.html }
      - { think: 1s }
  stalling:
    steps:
      - { get: "$stalling" }
loadtests:
  closed:
    scenario: static
    users: $connections
    duration: ${closed_seconds}s
  idle:
    scenario: static
    users:
      - { hold: 0, for: 1s }
  open:
    scenario: stalling
    arrivals:
      - { hold: $open_rate/s, for: ${open_seconds}s }
  many:
    scenario: browse
    users: $memory_users
    duration: ${memory_seconds}s
  few:
    scenario: browse
    users: 10
    duration: ${memory_seconds}s
PLAN

# Runs a load test of the plan; its JSON result goes to $work/TEST.json, its status lines to
# $work/TEST.err. Exit code 1 (a target missed, or an invalid run: a saturated CPU) is expected.
golive_load() {
  local test=$1 rc=0
  shift
  HOME="$work" "$@" "$golive" load bench "$test" -f "$work/plan/golive.yaml" --json \
    > "$work/$test.json" 2> "$work/$test.err" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: golive load $test failed with exit code $rc:" >&2
    cat "$work/$test.err" >&2
    exit 1
  fi
}

# Prints fields of golive's JSON result: passed elapsedMs p50Ms p95Ms p99Ms invalid-reasons.
golive_figures() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
o = r["overall"]
print(o["passed"], r["elapsedMs"], o["p50Ms"], o["p95Ms"], o["p99Ms"], "; ".join(r["health"]["invalid"]) or "valid")
PY
}

# The median transactions per second of the second half of a test, from its status lines: the
# rate once the JIT compiler has done its work.
steady() {
  awk -v half="$2" '$1 ~ /^[0-9]+s\// {
      at = $1; sub(/s\/.*/, "", at)
      for (i = 1; i < NF; i++) if ($i == "tps") tps = $(i + 1)
      if (at + 0 > half) print tps
    }' "$1" | median | awk '{ printf "%.0f\n", $1 }'
}
cpu_seconds() { awk '{ printf "%.2f\n", $1 + $2 }' "$1"; } # a file of "%U %S"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

load_at_start=$(load_average)
echo "bench: nginx on 127.0.0.1:$nginx_port, StallServer on 127.0.0.1:$stall_port; load average $load_at_start" >&2

# --- 1 and 2: closed model, no think time -----------------------------------------------------
golive_load closed # a warm-up: the page cache, nginx's workers
gr=() gc=() gs=() wr=() wc=() gpc=() wpc=() gnet=()
for i in $(seq 1 "$runs"); do
  golive_load closed /usr/bin/time -f '%U %S' -o "$work/golive.time"
  read -r passed elapsed _ _ _ valid < <(golive_figures "$work/closed.json")
  gr+=("$(awk -v p="$passed" -v e="$elapsed" 'BEGIN { printf "%.0f\n", p / e * 1000 }')")
  gc+=("$(cpu_seconds "$work/golive.time")")
  gs+=("$(steady "$work/closed.err" $((closed_seconds / 2)))")
  gn=$passed
  /usr/bin/time -f '%U %S' -o "$work/wrk.time" \
    wrk -t2 -c"$connections" -d"${closed_seconds}s" "$static" > "$work/wrk.out" 2>&1
  wr+=("$(awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$work/wrk.out")")
  wc+=("$(cpu_seconds "$work/wrk.time")")
  wn=$(awk '/requests in/ { print $1 }' "$work/wrk.out")
  # The two runs of a pair, one after the other, show how far the machine's state moves the ratio.
  pair=$(awk -v g="${gr[-1]}" -v w="${wr[-1]}" 'BEGIN { printf "%.2f\n", g / w }')
  printf 'run %d: golive %s req/s (%s in its second half; %d requests, %s s CPU; %s), wrk %s req/s (%d requests, %s s CPU), golive / wrk %s (load %s)\n' \
    "$i" "${gr[-1]}" "${gs[-1]}" "$gn" "${gc[-1]}" "$valid" "${wr[-1]}" "$wn" "${wc[-1]}" "$pair" "$(load_average)" >&2
  gpc+=("$(awk -v n="$gn" -v c="${gc[-1]}" 'BEGIN { printf "%.0f\n", n / c }')")
  wpc+=("$(awk -v n="$wn" -v c="${wc[-1]}" 'BEGIN { printf "%.0f\n", n / c }')")
  gnet+=("$gn ${gc[-1]}")
done

# golive's fixed cost: start-up, plan, store, and the end of a load test, with no user at all.
sc=()
for i in $(seq 1 "$runs"); do
  golive_load idle /usr/bin/time -f '%U %S' -o "$work/golive.time"
  sc+=("$(cpu_seconds "$work/golive.time")")
done
startup=$(printf '%s\n' "${sc[@]}" | median)
gpn=()
for pair in "${gnet[@]}"; do
  gpn+=("$(echo "$pair" | awk -v s="$startup" '{ printf "%.0f\n", ($2 > s) ? $1 / ($2 - s) : 0 }')")
done
echo "golive's fixed cost (a load test of 0 users): ${sc[*]} s CPU, median $startup s" >&2

# --- 3: coordinated omission ------------------------------------------------------------------
golive_load open
read -r _ _ op50 op95 op99 ovalid < <(golive_figures "$work/open.json")
op95=$(printf '%.1f' "$op95") op99=$(printf '%.1f' "$op99")
echo "open model $open_rate/s for $open_seconds s: golive p50 $op50 ms, p95 $op95 ms, p99 $op99 ms ($ovalid) (load $(load_average))" >&2
# The truth: arrivals evenly spread over whole stall periods; one arriving at phase t of a stall
# waits until its end, on top of the base service time (golive's median, which no stall touches).
read -r t95 t99 < <(python3 - "$open_rate" "$open_seconds" "$stall_every" "$stall_for" "$op50" <<'PY'
import math, sys
rate, secs, every, stall, base = (float(a) for a in sys.argv[1:])
n = int(rate * secs)
waits = []
for i in range(n):
    phase = ((i + 0.5) / rate) % every
    waits.append(base / 1000 + (every - phase if phase >= every - stall else 0))
waits.sort()
at = lambda p: waits[math.ceil(n * p) - 1] * 1000  # as HdrHistogram: the value p of all are at or below
print("%.1f %.1f" % (at(0.95), at(0.99)))
PY
)
# wrk 4 corrects its latencies for coordinated omission after the run: each response slower than
# the mean interval between requests on a connection adds the latencies of the requests it held up.
wrk -t2 -c"$connections" -d"${wrk_stall_seconds}s" --latency "$stalling" > "$work/wrk-stall.out" 2>&1
wrk_p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk-stall.out")
wrk_p90=$(awk '$1 == "90%" { print $2 }' "$work/wrk-stall.out")
wrk_stall_rate=$(awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$work/wrk-stall.out")
echo "wrk -c$connections on the stalling server for $wrk_stall_seconds s: p90 $wrk_p90, p99 $wrk_p99 (load $(load_average))" >&2

# --- 4: memory per user -----------------------------------------------------------------------
# Starts the test, reads the process's resident memory half-way, waits for the end; sets rss (KB),
# running (users running then, from the status line), heap (from jstat) and live (KB of objects
# reachable, from a class histogram taken right after).
memory_of() {
  local test=$1 pid rc=0 _
  HOME="$work" "$golive" load bench "$test" -f "$work/plan/golive.yaml" --json \
    > "$work/$test.json" 2> "$work/$test.err" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 600); do
    grep -q "^ *$((memory_seconds / 2))s/" "$work/$test.err" && break
    sleep 0.1
  done
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
  # The launcher has become java by now: its options, between the program and -jar.
  jvm_options=$(tr '\0' ' ' < "/proc/$pid/cmdline" | sed 's/ -jar .*//; s/^[^ ]*//; s/^ *//')
  running=$(grep "^ *$((memory_seconds / 2))s/" "$work/$test.err" | sed -n 's/.*users \([0-9]*\)$/\1/p')
  heap=$("$jdk/bin/jstat" -gc "$pid" 2>/dev/null | awk 'NR == 2 {
    printf "heap %.0f MB committed, %.0f MB used", ($1 + $2 + $5 + $7) / 1024, ($3 + $4 + $6 + $8) / 1024 }')
  live=$("$jdk/bin/jcmd" "$pid" GC.class_histogram 2>/dev/null | awk '$1 == "Total" { print int($3 / 1024) }')
  wait "$pid" || rc=$?
  if [ "$rc" -gt 1 ]; then
    echo "bench: golive load $test failed with exit code $rc:" >&2
    cat "$work/$test.err" >&2
    exit 1
  fi
}
# The resident memory of one run depends on how much young generation G1 happens to commit (the
# 10-user baseline alone varies by 100 MB or more from run to run), so the pair is run several times
# and the median taken.
mu=() ml=()
for r in $(seq 1 "$memory_runs"); do
  memory_of few
  few_rss=$rss few_running=${running:-?} few_live=${live:-0}
  echo "memory run $r: 10 users: RSS $((few_rss / 1024)) MB with $few_running users running, ${heap:-heap unknown}, $((few_live / 1024)) MB live (load $(load_average))" >&2
  memory_of many
  many_rss=$rss many_running=${running:-?} many_live=${live:-0}
  read -r _ _ _ _ _ mvalid < <(golive_figures "$work/many.json")
  echo "memory run $r: $memory_users users: RSS $((many_rss / 1024)) MB with $many_running users running, ${heap:-heap unknown}, $((many_live / 1024)) MB live; $mvalid (load $(load_average))" >&2
  mu+=("$(awk -v a="$many_rss" -v b="$few_rss" -v n="$memory_users" 'BEGIN { printf "%.1f\n", (a - b) / (n - 10) }')")
  ml+=("$(awk -v a="$many_live" -v b="$few_live" -v n="$memory_users" 'BEGIN { printf "%.1f\n", (a - b) / (n - 10) }')")
  echo "memory run $r: ${mu[-1]} KB resident, ${ml[-1]} KB live per user" >&2
done
per_user=$(printf '%s\n' "${mu[@]}" | median)
per_user_range=$(printf '%s\n' "${mu[@]}" | sort -n | sed -n '1p;$p' | paste -sd'-')
live_per_user=$(printf '%s\n' "${ml[@]}" | median)
many_rate=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(round(r["overall"]["passed"]*1000/r["elapsedMs"]))' "$work/many.json")

# --- summary ----------------------------------------------------------------------------------
verdict() { awk -v ok="$1" 'BEGIN { print ok ? "met" : "MISSED" }'; }
grm=$(printf '%s\n' "${gr[@]}" | median)
gsm=$(printf '%s\n' "${gs[@]}" | median)
wrm=$(printf '%s\n' "${wr[@]}" | median)
gpcm=$(printf '%s\n' "${gpc[@]}" | median)
gpnm=$(printf '%s\n' "${gpn[@]}" | median)
wpcm=$(printf '%s\n' "${wpc[@]}" | median)
ratio=$(awk -v g="$grm" -v w="$wrm" 'BEGIN { printf "%.3f\n", g / w }')
d95=$(awk -v g="$op95" -v t="$t95" 'BEGIN { printf "%+.1f\n", (g - t) / t * 100 }')
d99=$(awk -v g="$op99" -v t="$t99" 'BEGIN { printf "%+.1f\n", (g - t) / t * 100 }')
echo
printf '%s on %s; %s; %s\n' "$("$golive" --version | head -1)" \
  "$("$java" -version 2>&1 | head -1)" "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" "$(/usr/sbin/nginx -v 2>&1)"
printf '%s CPUs; load average %s at the start, %s at the end; golive run by its launcher: java %s -jar (JVM defaults otherwise: %s)\n' \
  "$(nproc)" "$load_at_start" "$(load_average)" "${jvm_options:-?}" \
  "$("$java" -XX:+PrintCommandLineFlags -version 2>&1 | head -1 | grep -o -- '-XX:MaxHeapSize=[0-9]*\|-XX:+Use[A-Za-z0-9]*GC' | paste -sd' ')"
echo
printf '1. closed model, %d connections, no think time, %d s, median of %d runs\n' "$connections" "$closed_seconds" "$runs"
printf '   golive %s req/s, wrk %s req/s: golive / wrk = %s (goal >= 0.9: %s)\n' "$grm" "$wrm" "$ratio" \
  "$(verdict "$(awk -v r="$ratio" 'BEGIN { print (r >= 0.9) }')")"
printf '   golive in the second half of its runs (JIT compiled) %s req/s: golive / wrk = %s\n' "$gsm" \
  "$(awk -v g="$gsm" -v w="$wrm" 'BEGIN { printf "%.3f", g / w }')"
printf '2. requests per CPU-second (user + system) in the same runs\n'
printf '   golive %s (%s without its fixed cost of %s s), wrk %s: golive / wrk = %s (%s)\n' "$gpcm" "$gpnm" \
  "$startup" "$wpcm" "$(awk -v g="$gpcm" -v w="$wpcm" 'BEGIN { printf "%.3f", g / w }')" \
  "$(awk -v g="$gpnm" -v w="$wpcm" 'BEGIN { printf "%.3f", g / w }')"
printf '3. open model, %d/s for %d s, the server stalls %d s every %d s\n' "$open_rate" "$open_seconds" "$stall_for" "$stall_every"
printf '   true p95 %s ms, p99 %s ms; golive p95 %s ms (%s%%), p99 %s ms (%s%%) (goal within 10%%: %s)\n' \
  "$t95" "$t99" "$op95" "$d95" "$op99" "$d99" \
  "$(verdict "$(awk -v a="$d95" -v b="$d99" 'BEGIN { print (a < 0 ? -a : a) <= 10 && (b < 0 ? -b : b) <= 10 }')")"
printf '   wrk -c%d (closed model, %d s, %s req/s) reports p90 %s, p99 %s, after its correction for coordinated omission\n' "$connections" \
  "$wrk_stall_seconds" "$wrk_stall_rate" "$wrk_p90" "$wrk_p99"
printf '4. memory, users with GET then 1 s think time, RSS read at %d s of %d s, median of %d runs\n' \
  "$((memory_seconds / 2))" "$memory_seconds" "$memory_runs"
printf '   %s KB per user (runs: %s KB; goal < 25 KB: %s); the last run: 10 users %d MB, %d users %d MB (%s running, %s req/s)\n' \
  "$per_user" "$per_user_range" "$(verdict "$(awk -v k="$per_user" 'BEGIN { print (k < 25) }')")" \
  "$((few_rss / 1024))" "$memory_users" "$((many_rss / 1024))" "$many_running" "$many_rate"
printf '   live heap (objects reachable): %s KB per user (the last run: 10 users %d MB, %d users %d MB)\n' \
  "$live_per_user" "$((few_live / 1024))" "$memory_users" "$((many_live / 1024))"
