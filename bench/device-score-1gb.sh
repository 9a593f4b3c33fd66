#!/usr/bin/env bash
# Device score FTP transfer of a 1 GB file with the runtime (and the sandbox, same JVM) at -Xmx256m.
# Starts `make run JAVA_OPTS=-Xmx256m` itself, writes a 1 GB random file into the sandbox FTP directory, starts a run
# through the operator endpoint, waits for it, checks DERMS received the same SHA-256, and prints the transfer time
# and the peak heap (sampled with jstat every 200 ms). Needs the ports of `make run` free. Usage: bash bench/device-score-1gb.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB="${SIZE_MB:-1024}"
# SANDBOX_PORT_OFFSET=100 moves every port of `make run` (runtime 8180, DERMS nms1 18182, ...) if 8080 is taken.
OFFSET="${SANDBOX_PORT_OFFSET:-0}"
export SANDBOX_PORT_OFFSET="$OFFSET"
RUNTIME="http://127.0.0.1:$((8080 + OFFSET))"
DERMS_CONTROL="http://127.0.0.1:$((18082 + OFFSET))/__sim/device-score"
HEAP="${HEAP:--Xmx256m}"
OUT=target/bench-device-score
NAME="SDCSE_BENCH_${SIZE_MB}MB.dat"
SCORES=target/sandbox/ftp/outbound/scores
mkdir -p "$OUT"
rm -f "$SCORES/$NAME" "$SCORES/Sent-$NAME" "$SCORES/Error-$NAME"

echo "Starting the runtime with $HEAP (log: $OUT/run.log)"
# No scheduled runs during the bench: the operator endpoint starts the one run that is measured.
FLOWS_DEVICESCOREFTP_CRON="0 0 0 1 1 ? 2099" FLOWS_DEVICESCOREOBJECTSTORAGE_CRON="0 0 0 1 1 ? 2099" \
    make run JAVA_OPTS="$HEAP" > "$OUT/run.log" 2>&1 &
MAKE_PID=$!
JAVA_PID=""
cleanup() {
    [ -n "$JAVA_PID" ] && kill "$JAVA_PID" 2>/dev/null || true
    kill "$MAKE_PID" 2>/dev/null || true
    [ -n "${JSTAT_PID:-}" ] && kill "$JSTAT_PID" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 1 300); do
    # The JVM is the process listening on the runtime's port (make starts it through a shell).
    JAVA_PID="$(ss -ltnpH "sport = :$((8080 + OFFSET))" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)"
    if [ -n "$JAVA_PID" ] && curl -fsS -o /dev/null $RUNTIME/actuator/health/liveness 2>/dev/null; then
        break
    fi
    sleep 1
done
curl -fsS -o /dev/null $RUNTIME/actuator/health/liveness || { echo "runtime did not start"; tail -30 "$OUT/run.log"; exit 1; }
echo "Runtime up (pid $JAVA_PID)"

echo "Writing $SIZE_MB MB of random bytes"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$OUT/$NAME"
EXPECTED="$(sha256sum "$OUT/$NAME" | cut -d' ' -f1)"
mv "$OUT/$NAME" "$SCORES/$NAME"

jstat -gc "$JAVA_PID" 200 > "$OUT/jstat.log" &
JSTAT_PID=$!
START=$(date +%s.%N)
ANSWER="$(curl -fsS -u sandbox:sandbox -X POST "$RUNTIME/device-score/transfer?source=ftp")"
TRACKING_ID="$(echo "$ANSWER" | sed -E 's/.*"trackingId":"([^"]+)".*/\1/')"
echo "Run $TRACKING_ID started"
STATUS=RUNNING
while [ "$STATUS" = RUNNING ]; do
    sleep 0.5
    STATUS="$(curl -fsS -u sandbox:sandbox "$RUNTIME/device-score/transfer/$TRACKING_ID" \
        | sed -E 's/.*"status":"([A-Z]+)".*/\1/')"
done
END=$(date +%s.%N)
kill "$JSTAT_PID" 2>/dev/null || true
JSTAT_PID=""

RECEIVED="$(curl -fsS $DERMS_CONTROL)"
echo "$RECEIVED" | grep -q "\"sha256\":\"$EXPECTED\"" && SAME=yes || SAME=no
PEAK_KB="$(awk 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
    $1 ~ /^[0-9.]+$/ { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > max) max = used }
    END { printf "%.0f", max }' "$OUT/jstat.log")"

echo
echo "File                 $NAME ($SIZE_MB MB)"
echo "Run status           $STATUS"
echo "Renamed              $(ls "$SCORES" | grep -c "^Sent-$NAME$" || true) x Sent-$NAME"
echo "DERMS SHA-256 match  $SAME ($EXPECTED)"
echo "Transfer time        $(echo "$END - $START" | bc) s"
echo "Heap limit           $HEAP"
echo "Peak heap used       $((PEAK_KB / 1024)) MB (jstat, sampled every 200 ms)"
rm -f "$SCORES/Sent-$NAME"
