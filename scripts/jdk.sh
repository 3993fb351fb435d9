# Finds a JDK 21 or newer: JAVA_HOME, then java on PATH, then /usr/lib/jvm/*.
# Source this file, then call find_jdk; it prints the JDK's home directory.

golive_java_major() {
  local version
  version=$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  case "$version" in
    1.*) echo "${version#1.}" | cut -d. -f1 ;;
    "") echo 0 ;;
    *) echo "$version" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

find_jdk() {
  local need=21 candidates=() java home
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(readlink -f "$(command -v java)")")
  fi
  for java in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    candidates+=("$java")
  done
  for java in "${candidates[@]}"; do
    [ -x "$java" ] || continue
    home=$(dirname "$(dirname "$java")")
    # Building needs javac too; a bare JRE is not enough.
    [ -x "$home/bin/javac" ] || continue
    if [ "$(golive_java_major "$java")" -ge "$need" ] 2>/dev/null; then
      echo "$home"
      return 0
    fi
  done
  echo "golive needs a JDK $need or newer, and none was found in JAVA_HOME, on PATH or in /usr/lib/jvm." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it." >&2
  return 1
}
