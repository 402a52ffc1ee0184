#!/usr/bin/env bash
# Runs every test: unit, service tests on a real Kafka broker and PostgreSQL, and the end-to-end
# test with the four packaged services as processes. Needs only a JDK 21+; Maven comes with ./mvnw.
set -euo pipefail
cd "$(dirname "$0")"
source bin/jdk.sh
exec ./mvnw -B verify "$@"
