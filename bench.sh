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

port() { # <variable> <default>: the port LocalStack would use
  local value=${!1:-}
  echo "${value:-$2}"
}
KAFKA_PORT=$(port SWITCHBOARD_KAFKA_PORT 9092)
POSTGRES_PORT=$(port SWITCHBOARD_POSTGRES_PORT 55432)
SMTP_PORT=$(port SWITCHBOARD_SMTP_PORT 2525)
VIEWER_PORT=$(port SWITCHBOARD_MAIL_VIEWER_PORT 8025)
SERVICE_PORTS="$(port SWITCHBOARD_INGEST_PORT 8081) $(port SWITCHBOARD_ROUTING_PORT 8082)"
SERVICE_PORTS="$SERVICE_PORTS $(port SWITCHBOARD_SLA_PORT 8083) $(port SWITCHBOARD_NOTIFICATION_PORT 8084)"

ready_services() {
  local ready=0
  for p in $SERVICE_PORTS; do
    if curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$p/q/health/ready" 2> /dev/null; then
      ready=$((ready + 1))
    fi
  done
  echo "$ready"
}

listening() { # <port>
  (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null
}

mkdir -p target/bench
stack_pid=""
stop_stack() {
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2> /dev/null; then
    echo "Stopping the stack bench.sh started ..." >&2
    kill -TERM "$stack_pid" 2> /dev/null || true
    for _ in $(seq 1 90); do
      kill -0 "$stack_pid" 2> /dev/null || break
      sleep 1
    done
  fi
}
trap stop_stack EXIT

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
  for p in $KAFKA_PORT $POSTGRES_PORT $SMTP_PORT $VIEWER_PORT $SERVICE_PORTS; do
    if listening "$p"; then
      echo "Port $p is in use but the stack is not ready ($ready of 4 services answer" >&2
      echo "/q/health/ready). Stop whatever holds it, or wait for ./run.sh to finish starting." >&2
      exit 1
    fi
  done
  stack=started
  echo "Building (tests skipped) ..." >&2
  ./mvnw -B -q package -DskipTests
  # Fresh state each run: figures do not depend on what earlier runs left in the database.
  state=target/bench/stack
  rm -rf "$state"
  log=target/bench/stack.log
  echo "Starting the local stack (state $state, log $log) ..." >&2
  # In the background, Ctrl-C does not reach it (a script's background jobs ignore SIGINT): the
  # EXIT trap stops it with SIGTERM, services before the broker.
  SWITCHBOARD_STATE_DIR=$state "$JAVA_HOME/bin/java" -Xmx512m \
    -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
    io.switchboard.devstack.LocalStack > "$log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 300); do
    if ! kill -0 "$stack_pid" 2> /dev/null; then
      echo "The stack did not start:" >&2
      tail -40 "$log" >&2
      exit 1
    fi
    if [ "$(ready_services)" -eq 4 ]; then
      break
    fi
    sleep 1
  done
  if [ "$(ready_services)" -ne 4 ]; then
    echo "The stack was not ready after 300 s; see $log" >&2
    exit 1
  fi
fi

commit="$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2> /dev/null)" ]; then
  commit="$commit+uncommitted"
fi
"$JAVA_HOME/bin/java" -Xmx512m \
  -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  io.switchboard.devstack.bench.Bench --stack "$stack" --commit "$commit" "$@"
