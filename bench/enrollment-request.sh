#!/usr/bin/env bash
# Enrollment Request throughput: one batch of N requests (default 1000) against the sandbox's DACS simulator answering
# each call after D ms (default 20). Needs the runtime running: `make run` in another shell.
# Usage: bench/enrollment-request.sh [requests] [delayMs]
set -euo pipefail
cd "$(dirname "$0")/.."
java bench/EnrollmentRequestBench.java "${1:-1000}" "${2:-20}"
