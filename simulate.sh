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

STACK_SCRIPT=simulate.sh
STACK_FAILURE=2
source bin/stack.sh

mkdir -p target/sim
if [ "$remote" != no ] || [ "$(ready_services)" -eq 4 ]; then
  [ "$remote" = no ] && echo "The local stack is running: using it." >&2
  # Only the simulator is built: the services' jars may be in use by a running stack.
  echo "Building devstack (the simulator) ..." >&2
  ./mvnw -B -q package -DskipTests -pl devstack
else
  require_free_ports
  echo "Building (tests skipped) ..." >&2
  ./mvnw -B -q package -DskipTests
  start_stack target/sim/stack
fi

set +e
devstack_java io.switchboard.devstack.sim.SupportDay --commit "$(commit_label)" "$@"
status=$?
set -e
exit "$status"
