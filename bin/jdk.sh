# Sourced by ./peerage and ./run-tests: finds a JDK 25 and exports JAVA_HOME, or explains what is missing.
# Order: $JAVA_HOME if it is a JDK 25, then every JDK under /usr/lib/jvm (Debian's and Temurin's standard place).

jdk_major() {
  # Prints the feature version of the JDK at $1 (from its release file), or nothing.
  local release="$1/release"
  [ -f "$release" ] && [ -x "$1/bin/javac" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

find_jdk25() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ "$(jdk_major "$JAVA_HOME")" = "25" ]; then
    return 0
  fi
  for candidate in /usr/lib/jvm/*; do
    if [ "$(jdk_major "$candidate")" = "25" ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  {
    echo "peerage needs a JDK 25 (with javac), and none was found."
    if [ -n "${JAVA_HOME:-}" ]; then
      echo "  JAVA_HOME=$JAVA_HOME is JDK '$(jdk_major "$JAVA_HOME")', not 25."
    fi
    echo "  Looked in: \$JAVA_HOME, then /usr/lib/jvm/* (found: $(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))."
    echo "  Install one (for example Temurin 25 under /usr/lib/jvm) or point JAVA_HOME at it."
  } >&2
  return 1
}

require_maven() {
  command -v mvn >/dev/null 2>&1 && return 0
  echo "peerage builds with Apache Maven ('mvn'), which is not on PATH: apt-get install maven" >&2
  return 1
}
