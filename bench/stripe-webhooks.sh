#!/usr/bin/env bash
# Stripe webhook benchmark on loopback (issue 5): signed deliveries of the real invoice.paid payload
# (../shared/fixtures/stripe/zulip/invoice_payment_succeeded.json with unique ids) to billing-service's
# POST /webhooks/stripe, 30 % of them re-sends of events already delivered. Prints deliveries/second
# and p50/p99 latency, then checks in PostgreSQL that every unique event was recorded once and applied
# once (one platform_payment per invoice, revenue = unique events x 10.00 USD): zero double effects.
# Target on this machine: >= 500 deliveries/s.
#
# Starts billing-service (target/billing-service.jar, built when missing) on $PORT when nothing
# answers there, with STRIPE_WEBHOOK_SECRETS=$SECRET, and stops it afterwards. If a billing-service
# is already running, export the SECRET it was started with.
# Needs the local infrastructure (PostgreSQL, Kafka, Keycloak: ./platform infra up) and JDK 21+.
#
# Usage: bench/stripe-webhooks.sh   (environment: DELIVERIES=20000 CONCURRENCY=32 DUPLICATES=30 WARMUP=3000 PORT=8084)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
if [[ -f "$ROOT/.platform/env" ]]; then
  # shellcheck disable=SC1091
  source "$ROOT/.platform/env"
fi
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64; do
  if [[ -n "$candidate" && -x "$candidate/bin/java" ]] \
      && [[ $("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}') -ge 21 ]]; then
    export JAVA_HOME="$candidate"
    break
  fi
done
JAVA="$JAVA_HOME/bin/java"

PORT="${PORT:-8084}"
DELIVERIES="${DELIVERIES:-20000}"
CONCURRENCY="${CONCURRENCY:-32}"
DUPLICATES="${DUPLICATES:-30}"
WARMUP="${WARMUP:-3000}"
SECRET="${SECRET:-whsec_colmena_bench_$(hostname | tr -dc 'a-zA-Z0-9')}"
FIXTURE="${FIXTURE:-$ROOT/../shared/fixtures/stripe/zulip/invoice_payment_succeeded.json}"
JAR="$ROOT/billing-service/target/billing-service.jar"
DRIVER="$ROOT/billing-service/bench/StripeWebhookLoad.java"
URL="http://127.0.0.1:$PORT/webhooks/stripe"
export PGPASSWORD="${COLMENA_DB_PASSWORD:-colmena_billing}"
PSQL=(psql -qtA -h "${COLMENA_DB_HOST:-127.0.0.1}" -p "${COLMENA_DB_PORT:-5432}" -U "${COLMENA_DB_USER:-colmena_billing}" -d "${COLMENA_DB_NAME:-colmena_billing}")

[[ -f "$FIXTURE" ]] || { echo "fixture $FIXTURE is missing" >&2; exit 1; }

started_pid=""
cleanup() {
  if [[ -n "$started_pid" ]]; then
    kill "$started_pid" 2>/dev/null || true
    wait "$started_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; then
  echo "billing-service already answers on :$PORT (deliveries are signed with SECRET=${SECRET:0:12}...)"
else
  if [[ ! -f "$JAR" ]]; then
    echo "building $JAR"
    (cd "$ROOT" && ./mvnw -B -o -q package -DskipTests -pl billing-service)
  fi
  log="$ROOT/billing-service/target/bench-billing-service.log"
  echo "starting billing-service on :$PORT (log: ${log#"$ROOT"/})"
  PORT="$PORT" STRIPE_WEBHOOK_SECRETS="$SECRET" \
    "$JAVA" -XX:+UseParallelGC -Xms512m -Xmx1g -Dlogging.level.root=WARN -jar "$JAR" >"$log" 2>&1 &
  started_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null; then break; fi
    kill -0 "$started_pid" 2>/dev/null || { echo "billing-service exited; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 1
  done
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness" || { echo "billing-service did not become ready" >&2; exit 1; }
fi

run() { # label runId deliveries
  "$JAVA" "$DRIVER" "$URL" "$SECRET" "$FIXTURE" "$2" "$3" "$CONCURRENCY" "$DUPLICATES"
}

echo "warm-up: $WARMUP deliveries"
run warmup "w$(date +%s)" "$WARMUP" >/dev/null

RUN="r$(date +%s)"
echo "measuring: $DELIVERIES deliveries, $CONCURRENCY concurrent, $DUPLICATES % duplicates (run $RUN)"
read -r total unique ok failed seconds rate p50 p99 pmax first_failure < <(run measure "$RUN" "$DELIVERIES")

events=$("${PSQL[@]}" -c "select count(*) from stripe_event where stripe_event_id like 'evt_bench_${RUN}_%' and account_key = 'platform'")
applied=$("${PSQL[@]}" -c "select count(*) from stripe_event where stripe_event_id like 'evt_bench_${RUN}_%' and outcome = 'APPLIED'")
payments=$("${PSQL[@]}" -c "select count(*) from platform_payment where stripe_invoice_id like 'in_bench_${RUN}_%'")
revenue=$("${PSQL[@]}" -c "select coalesce(sum(amount_minor), 0) from platform_payment where stripe_invoice_id like 'in_bench_${RUN}_%'")

[[ "$first_failure" == "-1" ]] && first_failure="" || first_failure=", first failure: HTTP $first_failure"
printf '\n%-34s %s\n' "deliveries (signed, HTTP 200)" "$ok of $total ($failed failed$first_failure)"
printf '%-34s %s\n' "unique events / duplicates" "$unique / $((total - unique))"
printf '%-34s %s s\n' "elapsed" "$seconds"
printf '%-34s %s\n' "deliveries per second" "$rate"
printf '%-34s %s ms / %s ms (max %s ms)\n' "latency p50 / p99" "$p50" "$p99" "$pmax"
printf '%-34s %s (expected %s)\n' "stripe_event rows" "$events" "$unique"
printf '%-34s %s (expected %s)\n' "effects applied" "$applied" "$unique"
printf '%-34s %s (expected %s)\n' "platform_payment rows" "$payments" "$unique"
printf '%-34s %s (expected %s)\n' "revenue recorded (minor units)" "$revenue" "$((unique * 1000))"

status=0
if [[ "$failed" != 0 || "$events" != "$unique" || "$applied" != "$unique" || "$payments" != "$unique" || "$revenue" != "$((unique * 1000))" ]]; then
  echo "FAIL: double or missing effects" >&2
  status=1
else
  echo "OK: zero double effects"
fi
if [[ ${rate%.*} -lt 500 ]]; then
  echo "below the target of 500 deliveries/s" >&2
  status=1
fi
exit $status
