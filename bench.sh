#!/usr/bin/env bash
# Benchmark of the whole system on this machine (README, "Benchmark"): Kafka and PostgreSQL
# baselines, ingest alone, then end to end at open-loop rates and at saturation. Uses the local
# stack when it is running (./run.sh); otherwise starts one with fresh state under target/bench/
# and stops it at the end. Not part of ./test.sh: it takes minutes and wants the machine to itself.
# Needs wrk and pgbench (Debian's wrk and postgresql-client-15), installed here when missing.
#   ./bench.sh                                  # the full run: 60 s steps at 100, 500, 1000/s
#   ./bench.sh --step-seconds 10 --rates 20,50  # a short check
#   ./bench.sh --help
set -euo pipefail
cd "$(dirname "$0")"
source bin/jdk.sh

install_missing() { # <command> <Debian package>...
  local command=$1
  shift
  if command -v "$command" > /dev/null; then
    return
  fi
  echo "Installing $* (for $command)" >&2
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo -n"
  fi
  if ! command -v apt-get > /dev/null ||
    ! $sudo apt-get update -qq ||
    ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; then
    echo "Could not install $*. Install it (sudo apt-get install $*), then run ./bench.sh again." >&2
    exit 1
  fi
  command -v "$command" > /dev/null || { echo "$* did not provide $command" >&2; exit 1; }
}
install_missing wrk wrk
install_missing pgbench postgresql-client-15
install_missing curl curl

STACK_SCRIPT=bench.sh
STACK_FAILURE=1
source bin/stack.sh

mkdir -p target/bench
ready=$(ready_services)
if [ "$ready" -eq 4 ]; then
  stack=reused
  echo "The local stack is running: using it." >&2
  # Only the driver is built: the services' jars are in use by the running stack. (The launcher
  # runs from devstack/target/classes too: with devstack's sources unchanged nothing is rewritten;
  # after changing them, restart the stack.)
  echo "Building devstack (the benchmark driver) ..." >&2
  ./mvnw -B -q package -DskipTests -pl devstack
  if [ ! -f ingest-service/target/quarkus-app/quarkus-run.jar ]; then
    echo "Building ingest-service for the ingest-alone step ..." >&2
    ./mvnw -B -q package -DskipTests -pl ingest-service -am
  fi
else
  require_free_ports
  stack=started
  echo "Building (tests skipped) ..." >&2
  ./mvnw -B -q package -DskipTests
  # Fresh state each run: figures do not depend on what earlier runs left in the database.
  start_stack target/bench/stack
fi

devstack_java io.switchboard.devstack.bench.Bench --stack "$stack" --commit "$(commit_label)" "$@"
