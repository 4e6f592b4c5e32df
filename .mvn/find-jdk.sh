# Sourced by ./mvnw and ./vigil: Vigil needs a JDK 21 or newer. When JAVA_HOME is unset and the
# default java is older, use the newest JDK 21+ found in the usual places, so both commands
# work as written on a machine whose default JDK is older.
vigil_java_major() {
  "$1" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
}
if [ -z "${JAVA_HOME:-}" ]; then
  vigil_default_java=$(command -v java 2>/dev/null || true)
  vigil_major=0
  [ -n "$vigil_default_java" ] && vigil_major=$(vigil_java_major "$vigil_default_java")
  if [ "${vigil_major:-0}" -lt 21 ] 2>/dev/null; then
    for vigil_candidate in $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sort -r); do
      if [ -x "${vigil_candidate}bin/javac" ]; then
        vigil_candidate_major=$(vigil_java_major "${vigil_candidate}bin/java")
        if [ "${vigil_candidate_major:-0}" -ge 21 ] 2>/dev/null; then
          JAVA_HOME=${vigil_candidate%/}
          export JAVA_HOME
          break
        fi
      fi
    done
  fi
fi
