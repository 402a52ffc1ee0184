#!/usr/bin/env bash
# Runs every test: unit, service tests on a real Kafka broker and PostgreSQL, and the end-to-end
# tests with the four packaged services as processes. Needs a JDK 21+ (Maven comes with ./mvnw) and
# Debian's prometheus package (Prometheus and promtool for the dashboard and alert check,
# e2e-tests ObservabilityIT), which this script installs with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
source bin/jdk.sh

if [ ! -x /usr/bin/prometheus ] || [ ! -x /usr/bin/promtool ]; then
  echo "Installing the Debian package prometheus (Prometheus and promtool) for the observability check" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo -n"
  fi
  if ! command -v apt-get > /dev/null ||
    ! $sudo apt-get update -qq ||
    ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus; then
    echo "Could not install Prometheus. Install it (sudo apt-get install prometheus) or provide" >&2
    echo "/usr/bin/prometheus and /usr/bin/promtool, then run ./test.sh again." >&2
    exit 1
  fi
  if [ ! -x /usr/bin/prometheus ] || [ ! -x /usr/bin/promtool ]; then
    echo "The prometheus package did not provide /usr/bin/prometheus and /usr/bin/promtool." >&2
    exit 1
  fi
fi

exec ./mvnw -B verify "$@"
