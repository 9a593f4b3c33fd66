#!/usr/bin/env bash
# Event Outcome bench (issue 4). Needs the sandbox started with a known simulator password, in another shell:
#   SANDBOX_PEER_PASSWORD=bench make run JAVA_OPTS=-Xmx256m
# then: SANDBOX_PEER_PASSWORD=bench bash bench/event-outcome.sh [rows, default 1000000]
# Prints the runtime's rows per second (upload to acknowledgment), its peak heap, and the rows per second of a plain
# Java client posting the same segments with the same parallelism straight to the DACS simulator.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SANDBOX_PEER_PASSWORD:?set SANDBOX_PEER_PASSWORD to the value make run was started with}"
exec java -Xmx256m bench/EventOutcomeBench.java "${1:-1000000}"
