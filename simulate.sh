#!/usr/bin/env bash
# A simulated support day through the system's public interfaces (README, "Simulated support
# day"): customers on all five channels, operators on their shifts, then the simulator's ground
# truth beside the system's reports, metrics and topics, every mismatch named. Exits 0 when nothing
# was found, 1 when something was, 2 when the day could not run.
# Uses the local stack when it is running (./run.sh); otherwise starts one with fresh state under
# target/sim/stack and stops it at the end. With --ingest/--routing/--sla/--notification it drives
# that deployment instead (see --help for its credentials).
#   ./simulate.sh                                  # Monday 07:00-17:00 at 60x: 10 minutes
#   ./simulate.sh --hours 2 --start MON-08:30      # a busy morning in 2 minutes
#   ./simulate.sh --start SUN-22:00 --hours 24 --speed 48   # a whole day, night included: 30 min
#   ./simulate.sh --help
set -euo pipefail
cd "$(dirname "$0")"
source bin/jdk.sh

remote=no
for arg in "$@"; do
  case "$arg" in
    --ingest | --routing | --sla | --notification) remote=yes ;;
    -h | --help) remote=help ;;
  esac
done

port() { # <variable> <default>: the port LocalStack would use
  local value=${!1:-}
  echo "${value:-$2}"
}
SERVICE_PORTS="$(port SWITCHBOARD_INGEST_PORT 8081) $(port SWITCHBOARD_ROUTING_PORT 8082)"
SERVICE_PORTS="$SERVICE_PORTS $(port SWITCHBOARD_SLA_PORT 8083) $(port SWITCHBOARD_NOTIFICATION_PORT 8084)"
OTHER_PORTS="$(port SWITCHBOARD_KAFKA_PORT 9092) $(port SWITCHBOARD_POSTGRES_PORT 55432)"
OTHER_PORTS="$OTHER_PORTS $(port SWITCHBOARD_SMTP_PORT 2525) $(port SWITCHBOARD_MAIL_VIEWER_PORT 8025)"

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

mkdir -p target/sim
stack_pid=""
stop_stack() {
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2> /dev/null; then
    echo "Stopping the stack simulate.sh started ..." >&2
    kill -TERM "$stack_pid" 2> /dev/null || true
    for _ in $(seq 1 90); do
      kill -0 "$stack_pid" 2> /dev/null || break
      sleep 1
    done
  fi
}
trap stop_stack EXIT

if [ "$remote" != no ] || [ "$(ready_services)" -eq 4 ]; then
  [ "$remote" = no ] && echo "The local stack is running: using it." >&2
  # Only the simulator is built: the services' jars may be in use by a running stack.
  echo "Building devstack (the simulator) ..." >&2
  ./mvnw -B -q package -DskipTests -pl devstack
else
  for p in $OTHER_PORTS $SERVICE_PORTS; do
    if listening "$p"; then
      echo "Port $p is in use but the stack is not ready ($(ready_services) of 4 services answer" >&2
      echo "/q/health/ready). Stop whatever holds it, or wait for ./run.sh to finish starting." >&2
      exit 2
    fi
  done
  echo "Building (tests skipped) ..." >&2
  ./mvnw -B -q package -DskipTests
  state=target/sim/stack
  rm -rf "$state"
  log=target/sim/stack.log
  echo "Starting the local stack (state $state, log $log) ..." >&2
  SWITCHBOARD_STATE_DIR=$state "$JAVA_HOME/bin/java" -Xmx512m \
    -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
    io.switchboard.devstack.LocalStack > "$log" 2>&1 &
  stack_pid=$!
  for _ in $(seq 1 300); do
    if ! kill -0 "$stack_pid" 2> /dev/null; then
      echo "The stack did not start:" >&2
      tail -40 "$log" >&2
      exit 2
    fi
    if [ "$(ready_services)" -eq 4 ]; then
      break
    fi
    sleep 1
  done
  if [ "$(ready_services)" -ne 4 ]; then
    echo "The stack was not ready after 300 s; see $log" >&2
    exit 2
  fi
fi

commit="$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2> /dev/null)" ]; then
  commit="$commit+uncommitted"
fi
set +e
"$JAVA_HOME/bin/java" -Xmx512m \
  -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  io.switchboard.devstack.sim.SupportDay --commit "$commit" "$@"
status=$?
set -e
exit "$status"
