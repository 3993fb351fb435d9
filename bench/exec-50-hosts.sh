#!/usr/bin/env bash
# The same command on 50 hosts, with golive and with Ansible ad-hoc, in one run.
#
# One private OpenSSH server on a free loopback port stands for 50 hosts: the plan and the
# inventory list 50 host entries that all reach it, so both tools open 50 SSH connections, log in
# 50 times and run the command 50 times. Both get the same fan-out (50 at once), the same key and
# the same known_hosts, strict host key checking, and start cold every run (a new process, no SSH
# connection left over: Ansible gets a fresh ControlPath directory each run).
#
# Usage: bench/exec-50-hosts.sh [RUNS]      (default 5 timed runs of each, after one warm-up)
# Needs: openssh-server, ansible (Debian's), a JDK 21+ and Maven to build golive.
# Prints each run, then the medians and the ratio; also times plain OpenSSH (50 x ssh at once),
# the floor under both tools on the machine at hand.
# Env:   HOSTS       how many host entries (default 50)
# golive is started as users start it, through its launcher (./golive), which builds the jar when
# it is stale and picks the JVM options of a short command.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
runs=${1:-5}
hosts=${HOSTS:-50}
command='uname -r'

for program in /usr/sbin/sshd ssh-keygen ssh-keyscan ansible; do
  if ! command -v "$program" >/dev/null 2>&1; then
    echo "bench: $program not found: apt-get install openssh-server openssh-client ansible" >&2
    exit 2
  fi
done

"$root/golive" --version >/dev/null # builds target/golive.jar when it is missing or stale

work=$(mktemp -d /tmp/golive-bench.XXXXXX)
sshd_pid=
cleanup() {
  [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- the server -------------------------------------------------------------------------------
ssh-keygen -q -t ed25519 -N '' -C golive-bench -f "$work/id_ed25519"
ssh-keygen -q -t ed25519 -N '' -C golive-bench-host -f "$work/host_ed25519_key"
cp "$work/id_ed25519.pub" "$work/authorized_keys"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/sshd_config" <<CONFIG
Port $port
ListenAddress 127.0.0.1
HostKey $work/host_ed25519_key
PidFile $work/sshd.pid
AuthorizedKeysFile $work/authorized_keys
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
# 50 logins arrive at once; the defaults (MaxStartups 10:30:100) would drop some of them.
MaxStartups 500
MaxSessions 100
Subsystem sftp internal-sftp
CONFIG
mkdir -p /run/sshd 2>/dev/null || true
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 1 100); do
  (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
ssh-keyscan -p "$port" -t ed25519 127.0.0.1 2>/dev/null > "$work/known_hosts"

# --- golive: a plan with 50 hosts -------------------------------------------------------------
mkdir -p "$work/plan/.golive"
cp "$work/known_hosts" "$work/plan/.golive/known_hosts"
{
  echo "system: bench"
  echo "environments:"
  echo "  bench:"
  echo "    hosts:"
  for i in $(seq -w 1 "$hosts"); do
    echo "      h$i: { address: 127.0.0.1, port: $port, key: $work/id_ed25519 }"
  done
} > "$work/plan/golive.yaml"
on=$(seq -w 1 "$hosts" | sed 's/^/h/' | paste -sd,)

# --- Ansible: an inventory with the same 50 hosts ---------------------------------------------
{
  echo "[bench]"
  for i in $(seq -w 1 "$hosts"); do
    echo "h$i ansible_host=127.0.0.1 ansible_port=$port"
  done
} > "$work/inventory"
export ANSIBLE_HOST_KEY_CHECKING=True
export ANSIBLE_PRIVATE_KEY_FILE="$work/id_ed25519"
export ANSIBLE_REMOTE_USER=$(id -un)
export ANSIBLE_SSH_ARGS="-o ControlMaster=auto -o ControlPersist=60s -o UserKnownHostsFile=$work/known_hosts -o StrictHostKeyChecking=yes"
export ANSIBLE_PYTHON_INTERPRETER=auto_silent
export ANSIBLE_LOCAL_TEMP="$work/ansible-tmp"
export ANSIBLE_NOCOLOR=1

run_golive() {
  HOME="$work" "$root/golive" exec bench -f "$work/plan/golive.yaml" --parallel "$hosts" \
    --on "$on" "$command" > "$work/golive.out" 2>&1
}

run_ansible() {
  ANSIBLE_SSH_CONTROL_PATH_DIR="$work/cp.$RANDOM$RANDOM" \
    ansible bench -i "$work/inventory" -f "$hosts" -m command -a "$command" > "$work/ansible.out" 2>&1
}

# The floor both tools stand on: OpenSSH's own client, 50 logins at once, nothing else.
run_ssh() {
  local i
  for i in $(seq 1 "$hosts"); do
    ssh -o BatchMode=yes -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes \
      -i "$work/id_ed25519" -p "$port" "$(id -un)@127.0.0.1" "$command" > /dev/null &
  done
  wait
} 2> "$work/ssh.out"

seconds() { # runs "$@" and prints how long it took, in seconds
  local start end
  start=$(date +%s.%N)
  if ! "$@"; then
    echo "bench: $1 failed:" >&2
    cat "$work/${1#run_}.out" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "bench: '$command' on $hosts hosts (one sshd on 127.0.0.1:$port), $runs runs each after a warm-up" >&2
run_golive || { cat "$work/golive.out" >&2; exit 1; }
run_ansible || { cat "$work/ansible.out" >&2; exit 1; }
grep -q "^ok on $hosts hosts" "$work/golive.out" || { echo "bench: golive did not answer for every host" >&2; cat "$work/golive.out" >&2; exit 1; }
[ "$(grep -c 'CHANGED' "$work/ansible.out")" -eq "$hosts" ] || { echo "bench: ansible did not answer for every host" >&2; cat "$work/ansible.out" >&2; exit 1; }

g=() a=() f=()
for i in $(seq 1 "$runs"); do
  g+=("$(seconds run_golive)")
  a+=("$(seconds run_ansible)")
  f+=("$(seconds run_ssh)")
  printf 'run %d: golive %.2f s, ansible %.2f s, plain ssh %.2f s (load %s)\n' "$i" "${g[-1]}" "${a[-1]}" "${f[-1]}" \
    "$(cut -d' ' -f1 /proc/loadavg)" >&2
done
gm=$(printf '%s\n' "${g[@]}" | median)
am=$(printf '%s\n' "${a[@]}" | median)
fm=$(printf '%s\n' "${f[@]}" | median)
printf 'golive  %s (ansible %s): median of %d runs\n' "$("$root/golive" --version | head -1)" "$(ansible --version 2>/dev/null | sed -n 1p)" "$runs"
printf 'golive  median %.2f s\n' "$gm"
printf 'ansible median %.2f s\n' "$am"
printf 'ssh     median %.2f s (%d plain ssh logins at once: the floor under both)\n' "$fm" "$hosts"
awk -v a="$am" -v g="$gm" 'BEGIN { printf "ratio   ansible / golive = %.1f\n", a / g }'
