#!/usr/bin/env bash
# Enrollment Request throughput: one batch of N requests (default 1000) against the sandbox's DACS simulator answering
# each call after D ms (default 20). Needs the runtime running: `make run` in another shell.
# Usage: bench/enrollment-request.sh [requests] [delayMs]
# A sandbox on moved ports (SANDBOX_PORT_OFFSET=100): RUNTIME_URL=http://127.0.0.1:8180
# DACS_CONTROL_URL=http://127.0.0.1:18181/__sim bench/enrollment-request.sh
set -euo pipefail
cd "$(dirname "$0")/.."
java bench/EnrollmentRequestBench.java "${1:-1000}" "${2:-20}"
