#!/usr/bin/env bash
# Cold start of the command line: `segec transfer` of a 300-staff CSV to a running fake
# extranet, a fresh JVM each time, versus `segec --version` (the same JVM start, no work).
# Median of N runs each (default 10), side by side. Public tools only: bash, date, awk, java.
#
#   bench/cold-start.sh [runs]                 # from the repository root, after the build
#   JAVA_OPTS="-XX:TieredStopAtLevel=1" bench/cold-start.sh
#   CDS=1 bench/cold-start.sh                  # also with an application class-data archive
#   PROBE=1 bench/cold-start.sh                # also: where the time goes, step by step
#                                              # (bench/ColdStartProbe.java, compiled with javac)
#
# The transfer rows: "full" sends all 300 records every run (--full: a real transfer each time);
# "delta" is the everyday run of an unchanged school (nothing to send). Consent is granted once,
# before timing, in a state directory of its own.
set -euo pipefail

runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${SEGEC_JAR:-$root/segec-cli/target/segec.jar}
java=${JAVA:-java}
read -r -a opts <<< "${JAVA_OPTS:-}"
[ -f "$jar" ] || { echo "no $jar: build the CLI first (mvn -B -q -pl segec-cli package)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/segec-cold-start.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# A copy, so a rebuild of the CLI during the measurement cannot change the jar under our feet.
cp "$jar" "$work/segec.jar"
jar=$work/segec.jar

# 300 staff members with accents, particles and apostrophes; unique e-mails; a few directors.
awk 'BEGIN {
  split("Dupont|Van den Berghe|D'"'"'Hondt|Lefèvre|De Smet|Peeters|Janssens|Müller|Van der Linden|Dubois|Lambert|Goossens|Œuvray|Noël|du Bois d'"'"'Enghien|Hérion", last, "|");
  split("Marie|Marie-Claire|Jean-François|Hélène|Zoë|Anaïs|Chloé|Émilie|Benoît|Jérôme|Sophie|Luc|Björn|Ægidius|Thérèse|Inès", first, "|");
  print "local_id;last_name;first_name;birth_date;email;administrative_presence;teaching;promotion_function;physical_presence;exit_date";
  for (i = 1; i <= 300; i++) {
    l = last[(i * 7) % 16 + 1]; f = first[(i * 11) % 16 + 1];
    printf "%d;%s;%s;%02d/%02d/%d;staff.%d@ecole-bench.be;1;1;%d;1;\n", 1000 + i, l, f, (i % 28) + 1, (i % 12) + 1, 1960 + (i % 40), i, (i == 1 ? 1 : 0);
  }
}' > "$work/staff.csv"

export SEGEC_TOKEN=cold-start-token-1234
# nodelay: otherwise the JDK's HTTP server waits ~40 ms for the client's delayed ACK on each answer.
"$java" -Dsun.net.httpserver.nodelay=true -jar "$jar" fake-server --school "1234:$SEGEC_TOKEN" > "$work/server.out" 2> "$work/server.err" &
server_pid=$!
for _ in $(seq 1 200); do
  url=$(head -n 1 "$work/server.out" 2>/dev/null || true)
  case "$url" in http*) break ;; esac
  sleep 0.05
done
case "${url:-}" in http*) ;; *) echo "the fake server did not start: $(cat "$work/server.err")" >&2; exit 1 ;; esac

transfer=(transfer --school 1234 --input "$work/staff.csv" --server "$url" --state-dir "$work/state" --today 2026-11-29)
# Consent once, untimed (a person ticks the box on the first transfer).
"$java" "${opts[@]}" -jar "$jar" "${transfer[@]}" --grant-consent --by cold-start > "$work/first.txt" || {
  echo "the first transfer failed (exit $?):" >&2; cat "$work/first.txt" >&2; exit 1; }

# Times one run of "$@" in a fresh JVM; prints the milliseconds. Fails on a non-zero exit.
time_one() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" > "$work/out.txt" 2>&1 || { echo "exit $? from: $*" >&2; cat "$work/out.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

# median min max of the numbers on stdin
stats() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d %d", m, a[1], a[NR] }'; }

measure() { # label java-options...
  local label=$1; shift
  local v f d i
  # Interleaved (version, full, delta, version, ...): this virtual machine's speed drifts by 10-20 %
  # over a minute, and a drift must weigh on the three commands alike, not on one block of runs.
  : > "$work/v.txt"; : > "$work/f.txt"; : > "$work/d.txt"
  for ((i = 0; i < runs; i++)); do
    time_one "$java" "$@" -jar "$jar" --version >> "$work/v.txt"
    time_one "$java" "$@" -jar "$jar" "${transfer[@]}" --full >> "$work/f.txt"
    time_one "$java" "$@" -jar "$jar" "${transfer[@]}" >> "$work/d.txt"
  done
  v=$(stats < "$work/v.txt")
  f=$(stats < "$work/f.txt")
  d=$(stats < "$work/d.txt")
  printf '%s\n' "$label" "$v" "$f" "$d" | awk -v runs="$runs" '
    NR == 1 { label = $0; next } { split($0, s, " "); med[NR] = s[1]; lo[NR] = s[2]; hi[NR] = s[3] }
    END {
      printf "%s (median of %d, ms; min-max)\n", label, runs;
      printf "  %-28s %6d  (%d-%d)\n", "segec --version", med[2], lo[2], hi[2];
      printf "  %-28s %6d  (%d-%d)   ratio %.2f x\n", "segec transfer --full (300)", med[3], lo[3], hi[3], med[3] / med[2];
      printf "  %-28s %6d  (%d-%d)   ratio %.2f x\n", "segec transfer (delta, 0 sent)", med[4], lo[4], hi[4], med[4] / med[2];
    }'
}

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$java" -version 2>&1 | head -n 1), JAVA_OPTS='${JAVA_OPTS:-}'"
measure "default JVM" "${opts[@]}"

if [ "${CDS:-0}" = 1 ]; then
  # An application class-data archive of what a transfer loads (JDK 13+ dynamic archive).
  archive="$work/segec.jsa"
  "$java" "${opts[@]}" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" "${transfer[@]}" --full > /dev/null 2>&1
  measure "with AppCDS (-XX:SharedArchiveFile)" "${opts[@]}" -XX:SharedArchiveFile="$archive"
fi

if [ "${PROBE:-0}" = 1 ]; then
  # The command's steps timed one by one in fresh JVMs (median of the runs); "exit" is from the
  # end of main to the process's end.
  javac -nowarn -cp "$jar" -d "$work/probe" "$root/bench/ColdStartProbe.java"
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N)
    "$java" "${opts[@]}" -Djava.util.logging.config.file=/dev/null -cp "$jar:$work/probe" ColdStartProbe \
      "$work/staff.csv" "$url" "$work/state" > "$work/probe.txt"
    t1=$(date +%s%N)
    awk -v wall=$(( (t1 - t0) / 1000000 )) -v end_ms=$(( t1 / 1000000 )) '
      /^end-epoch-ms/ { printf "exit %d\nwall %d\n", end_ms - $2, wall; next }
      /^status/ { next } { print }' "$work/probe.txt"
  done > "$work/probe-steps.txt"
  echo "where the time goes (ColdStartProbe, median of $runs fresh JVMs, ms)"
  awk '
    { key = $1; v[key, ++n[key]] = $2; if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
    function median(key,    c, i, j, t, a) {
      c = n[key];
      for (i = 1; i <= c; i++) a[i] = v[key, i];
      for (i = 2; i <= c; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
      return (c % 2) ? a[(c + 1) / 2] : (a[c / 2] + a[c / 2 + 1]) / 2
    }
    END { for (i = 1; i <= k; i++) printf "  %-22s %9s\n", order[i], median(order[i]) }' "$work/probe-steps.txt"
fi
