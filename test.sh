#!/usr/bin/env bash
# The whole test suite: installs the Debian packages the integration tests need when they are
# missing, then runs the Maven build with a JDK 21+.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
# shellcheck source=scripts/jdk.sh
. "$root/scripts/jdk.sh"

# package -> a file that shows it is installed
declare -A needs=(
  [postgresql]="/usr/lib/postgresql/*/bin/postgres"
  [openssh-server]="/usr/sbin/sshd"
  [tomcat10]="/usr/share/tomcat10/bin/catalina.sh"
  [nginx]="/usr/sbin/nginx"
  # top -H, for the per-thread CPU that captures take
  [procps]="/usr/bin/top"
  # the systemd kind's tests boot a real systemd in namespaces of their own (unshare, nsenter)
  [systemd]="/lib/systemd/systemd"
  [util-linux]="/usr/bin/nsenter"
  # the dashboard's browser tests: real headless Chromium through chromedriver
  [chromium]="/usr/bin/chromium"
  [chromium-driver]="/usr/bin/chromedriver"
)

missing=()
for package in "${!needs[@]}"; do
  # shellcheck disable=SC2086
  if ! ls ${needs[$package]} >/dev/null 2>&1; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing ${missing[*]} for the integration tests" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  # The tests start their own servers on loopback; the packaged ones need not run.
  for package in "${missing[@]}"; do
    $sudo systemctl disable --now "$package" >/dev/null 2>&1 || true
  done
fi

jdk=$(find_jdk)
echo "test: JDK $jdk" >&2
cd "$root"
JAVA_HOME="$jdk" mvn -B -ntp verify "$@"
