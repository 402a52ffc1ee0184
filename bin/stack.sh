# Sourced by bench.sh and simulate.sh: finds the local stack (./run.sh) or starts one with fresh
# state, and stops on exit only a stack it started itself.
#   STACK_SCRIPT   the sourcing script's name, for messages
#   STACK_FAILURE  the exit status when the stack cannot be used or started

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

stack_pid=""
stop_stack() {
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2> /dev/null; then
    echo "Stopping the stack $STACK_SCRIPT started ..." >&2
    kill -TERM "$stack_pid" 2> /dev/null || true
    for _ in $(seq 1 90); do
      kill -0 "$stack_pid" 2> /dev/null || break
      sleep 1
    done
  fi
}
trap stop_stack EXIT

# Refuses when a port of the stack is taken by something that is not a ready stack.
require_free_ports() {
  for p in $OTHER_PORTS $SERVICE_PORTS; do
    if listening "$p"; then
      echo "Port $p is in use but the stack is not ready ($(ready_services) of 4 services answer" >&2
      echo "/q/health/ready). Stop whatever holds it, or wait for ./run.sh to finish starting." >&2
      exit "$STACK_FAILURE"
    fi
  done
}

start_stack() { # <state directory>: fresh state, log beside it; returns once all four are ready
  local state=$1
  local log=$1.log
  rm -rf "$state"
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
      exit "$STACK_FAILURE"
    fi
    if [ "$(ready_services)" -eq 4 ]; then
      return
    fi
    sleep 1
  done
  echo "The stack was not ready after 300 s; see $log" >&2
  exit "$STACK_FAILURE"
}

commit_label() { # the commit the figures belong to, marked when the tree has changes
  local commit
  commit="$(git rev-parse --short HEAD 2> /dev/null || echo unknown)"
  if [ -n "$(git status --porcelain 2> /dev/null)" ]; then
    commit="$commit+uncommitted"
  fi
  echo "$commit"
}

devstack_java() { # <main class> <arguments>...: runs a devstack program on its built classpath
  "$JAVA_HOME/bin/java" -Xmx512m \
    -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" "$@"
}
