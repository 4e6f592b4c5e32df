#!/bin/sh
# Times `vigil verify` as a whole command (JVM start included) against openssl on the same
# 1 GiB file in the same run: ECDSA P-256 (openssl dgst -sha256 -verify) and Ed25519 (openssl
# pkeyutl -verify -rawin). Uses hyperfine when installed (apt-get install -y hyperfine), else
# repeated /usr/bin/time.
#
#   bench/verify-vs-openssl.sh [SIZE_MIB] [RUNS]      defaults: 1024 MiB, 10 runs
#
# vigil runs these ways:
#   jar       java -jar vigil-cli/target/vigil.jar verify ...   (JDK digests: no native access)
#   tuned     the jar extracted (java -Djarmode=tools extract), a CDS archive of the classes a verify
#             loads (-XX:SharedArchiveFile, made by one training run), -XX:+UseSerialGC and
#             -XX:-UsePerfData, --enable-native-access: what ./vigil runs; SHA-256 from libcrypto
#   tuned-jdk the same with -Dvigil.digest=jdk (the JDK's SHA-256, SHA-NI intrinsic under C2)
# Then an interleaved series (openssl, tuned, tuned-jdk, openssl, ...) whose per-round ratios
# are less sensitive to a machine whose load changes during the run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/.mvn/find-jdk.sh"
java_cmd=java
[ -n "${JAVA_HOME:-}" ] && java_cmd="$JAVA_HOME/bin/java"
size_mib=${1:-1024}
runs=${2:-10}
work=${VIGIL_BENCH_DIR:-$root/bench/target/verify}
mkdir -p "$work"

(cd "$root" && ./mvnw -q -B -pl vigil-cli -am package -DskipTests -Djazzer.skip=true -Dmaven.jar.forceCreation=true)
jar="$root/vigil-cli/target/vigil.jar"
rm -rf "$work/extracted"
"$java_cmd" -Djarmode=tools -jar "$jar" extract --destination "$work/extracted" >/dev/null

data="$work/data-${size_mib}m.bin"
if [ ! -f "$data" ]; then
  echo "making $data ..." >&2
  head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$data"
fi
cat "$data" > /dev/null # into the page cache: both tools read from memory

plain="$java_cmd -jar $jar"
tuned_opts="-XX:SharedArchiveFile=$work/verify.jsa -Xlog:cds*=off -XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED"
tuned="$java_cmd $tuned_opts -jar $work/extracted/vigil.jar"
tuned_jdk="$java_cmd $tuned_opts -Dvigil.digest=jdk -jar $work/extracted/vigil.jar"

for algorithm in p256 ed25519; do
  rm -f "$work/$algorithm.key" "$work/$algorithm.pub"
  $plain keygen --algorithm "$algorithm" --out "$work/$algorithm" > /dev/null
  $plain sign --key "$work/$algorithm.key" --out "$work/$algorithm.sig" "$data" > /dev/null
done
# training run that writes the CDS archive
rm -f "$work/verify.jsa"
"$java_cmd" -XX:ArchiveClassesAtExit="$work/verify.jsa" -XX:+UseSerialGC -XX:-UsePerfData \
  --enable-native-access=ALL-UNNAMED -jar "$work/extracted/vigil.jar" verify --pub "$work/p256.pub" --sig "$work/p256.sig" "$data" > /dev/null 2>&1

p256_openssl="openssl dgst -sha256 -verify $work/p256.pub -signature $work/p256.sig $data"
p256_args="verify --pub $work/p256.pub --sig $work/p256.sig $data"
ed_openssl="openssl pkeyutl -verify -pubin -inkey $work/ed25519.pub -rawin -in $data -sigfile $work/ed25519.sig"
ed_args="verify --pub $work/ed25519.pub --sig $work/ed25519.sig $data"

# every command must succeed before it is timed (openssl verifying vigil's signatures included)
for command in "$p256_openssl" "$plain $p256_args" "$tuned $p256_args" "$tuned_jdk $p256_args" "$ed_openssl" "$tuned $ed_args"; do
  sh -c "$command" > /dev/null || { echo "failed: $command" >&2; exit 1; }
done

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ {print $2}') GiB;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $("$java_cmd" -version 2>&1 | head -n 1); $(openssl version)"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$work/p256.md" \
    -n "openssl dgst -sha256 -verify (P-256)" "$p256_openssl" \
    -n "vigil verify, java -jar (P-256)" "$plain $p256_args" \
    -n "vigil verify, tuned, libcrypto SHA-256 (P-256)" "$tuned $p256_args" \
    -n "vigil verify, tuned, JDK SHA-256 (P-256)" "$tuned_jdk $p256_args"
  hyperfine --warmup 1 --runs "$runs" --style basic --export-markdown "$work/ed25519.md" \
    -n "openssl pkeyutl -verify -rawin (Ed25519)" "$ed_openssl" \
    -n "vigil verify, tuned (Ed25519)" "$tuned $ed_args"
  cat "$work/p256.md" "$work/ed25519.md"
else
  for command in "$p256_openssl" "$plain $p256_args" "$tuned $p256_args" "$ed_openssl" "$tuned $ed_args"; do
    i=0
    while [ $i -lt "$runs" ]; do
      /usr/bin/time -f "%e s wall, %U s user, %S s sys: $command" sh -c "$command" > /dev/null
      i=$((i + 1))
    done
  done
fi

# interleaved: one run of each in turn, so that each round's ratio compares runs under the same load
seconds() { start=$(date +%s.%N); sh -c "$1" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc; }
echo "interleaved rounds (seconds): openssl  vigil-tuned(libcrypto)  vigil-tuned(jdk)  ratio(openssl/vigil)"
i=0
while [ $i -lt "$runs" ]; do
  o=$(seconds "$p256_openssl"); v=$(seconds "$tuned $p256_args"); j=$(seconds "$tuned_jdk $p256_args")
  echo "round $i: $o $v $j $(echo "scale=3; $o / $v" | bc)"
  i=$((i + 1))
done
