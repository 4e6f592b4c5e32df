#!/bin/sh
# Stream encryption against OpenSSL on this machine: `openssl speed -evp aes-256-gcm` (16 KiB
# blocks) and Vigil's chunked AES-256-GCM (64 KiB chunks), alternately, three times each, so that
# both see the same load. Prints the best of each and the ratio.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
best_openssl=0
best_java=0
for i in 1 2 3; do
  o=$(openssl speed -elapsed -seconds 3 -evp aes-256-gcm 2>/dev/null | awk '/^AES-256-GCM/ {v=$NF; sub("k","",v); printf "%d", v/1000}')
  j=$("$root/bench/run" eu.vigil.bench.security.StreamEncryptionBenchmark 512 64 2>/dev/null \
      | sed -n 's/.*encrypt \([0-9]*\) MB\/s.*/\1/p' | sort -n | tail -1)
  echo "run $i: openssl $o MB/s, vigil $j MB/s"
  [ "$o" -gt "$best_openssl" ] && best_openssl=$o
  [ "$j" -gt "$best_java" ] && best_java=$j
done
echo "best: openssl $best_openssl MB/s, vigil $best_java MB/s, ratio $(awk "BEGIN {printf \"%.0f%%\", 100*$best_java/$best_openssl}")"
