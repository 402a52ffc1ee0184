#!/usr/bin/env bash
# Runs the whole system on this machine without Docker: Kafka, PostgreSQL, a mail server and the
# four services. State and logs live in .switchboard/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
source bin/jdk.sh
echo "Building (tests skipped; ./test.sh runs them) ..."
./mvnw -B -q install -DskipTests
exec "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  io.switchboard.devstack.LocalStack
