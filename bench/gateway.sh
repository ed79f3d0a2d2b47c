#!/usr/bin/env bash
# Gateway benchmark on loopback (issue 3): wrk with rotating real Keycloak tokens against
#   1. the backend called directly,
#   2. the gateway on a public route (no token),
#   3. the gateway with JWT validation (rate limiting switched off),
#   4. the gateway with JWT validation and per-plan rate limiting in Redis (generous limits, so
#      it measures the overhead, not refusals),
#   5. nginx (Debian package) as a plain reverse proxy to the same backend,
# then the full gateway path and the backend paced at 20, 30, 40 and 50 % of the gateway's maximum
# rate, for the p99 the gateway adds (the target is at 50 %; the lower shares show up to which rate
# it stays within 3 ms). Prints requests/s, p50/p99 latency and the gateway's CPU time per request of
# each, the ratio gateway-full/nginx throughput (target >= 60 %) and the added p99 (target <= 3 ms).
#
# The backend is nginx returning a static JSON for every path (and, for GET /api/tenants/current,
# the bench tenant as identity-service would: ENTERPRISE, ACTIVE), the same for all runs.
# Needs the local infrastructure (Keycloak, Redis, Kafka: ./platform infra up) and JDK 21+.
#
# Usage: bench/gateway.sh            (environment: DURATION=12s CONNECTIONS=32 THREADS=2 WARMUP=60s)
#   GATEWAY_JAVA_OPTS adds JVM options to the gateway, e.g. to profile it with Flight Recorder:
#   GATEWAY_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/gateway-%p.jfr,settings=profile,dumponexit=true'
#   then: jfr print --events jdk.ExecutionSample /tmp/gateway-<pid>.jfr
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/bench/gateway"
DURATION="${DURATION:-12s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
# The JIT needs about a minute of load on two cores before the gateway reaches its steady rate
# (20 s gave 40 % of it).
WARMUP="${WARMUP:-60s}"
TOKEN_COUNT=5

if [[ -f "$ROOT/.platform/env" ]]; then
  # shellcheck disable=SC1091
  source "$ROOT/.platform/env"
fi
: "${COLMENA_ISSUER_URI:=http://localhost:8180/realms/colmena}"
: "${COLMENA_KEYCLOAK_URL:=http://localhost:8180}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$tool" ]]; then
    echo "Installing wrk and nginx (Debian packages)..." >&2
    apt-get install -y wrk nginx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
    break
  fi
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "bench/gateway.sh needs $tool" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/colmena-gateway-bench.XXXXXX)"
PIDS=()
USER_IDS=()

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

admin_token() {
  curl -sf -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=${KEYCLOAK_ADMIN_USERNAME:-admin}" \
    --data-urlencode "password=${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    "$COLMENA_KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if ((${#USER_IDS[@]})); then
    local admin
    admin="$(admin_token 2>/dev/null || true)"
    for id in "${USER_IDS[@]}"; do
      curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $admin" \
        "$COLMENA_KEYCLOAK_URL/admin/realms/colmena/users/$id" || true
    done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- the bench tenant's users and their tokens --------------------------------------------------
TENANT="$(python3 -c 'import uuid; print(uuid.uuid4())')"
PASSWORD="Bench-$(python3 -c 'import uuid; print(uuid.uuid4().hex)')"
ADMIN="$(admin_token)"
EMAILS=()
for i in $(seq 1 "$TOKEN_COUNT"); do
  email="bench-$i-$(python3 -c 'import uuid; print(uuid.uuid4().hex[:12])')@bench.colmena.local"
  body="$(jq -n --arg e "$email" --arg t "$TENANT" --arg p "$PASSWORD" \
    '{username:$e,email:$e,emailVerified:true,enabled:true,firstName:"Bench",lastName:"User",
      attributes:{tenant_id:[$t]},credentials:[{type:"password",value:$p,temporary:false}]}')"
  location="$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "$body" "$COLMENA_KEYCLOAK_URL/admin/realms/colmena/users" | tr -d '\r' | awk -F': ' 'tolower($1)=="location"{print $2}')"
  USER_IDS+=("${location##*/}")
  EMAILS+=("$email")
done

fresh_tokens() {
  : >"$WORK/tokens"
  for email in "${EMAILS[@]}"; do
    curl -sf -d grant_type=password -d "client_id=${COLMENA_IDENTITY_CLIENT_ID:-colmena-identity}" \
      --data-urlencode "client_secret=${COLMENA_IDENTITY_CLIENT_SECRET:-colmena-identity-local-secret}" \
      --data-urlencode "username=$email" --data-urlencode "password=$PASSWORD" \
      "$COLMENA_ISSUER_URI/protocol/openid-connect/token" | jq -r .access_token >>"$WORK/tokens"
  done
}

# --- backend and nginx reverse proxy ------------------------------------------------------------
BACKEND_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
mkdir -p "$WORK/nginx-backend" "$WORK/nginx-proxy"
USER_LINE=""
[[ "$(id -u)" == 0 ]] && USER_LINE="user root;"
common_http='access_log off; client_body_temp_path '"$WORK"'/tmp-body; proxy_temp_path '"$WORK"'/tmp-proxy;
  fastcgi_temp_path '"$WORK"'/tmp-fcgi; uwsgi_temp_path '"$WORK"'/tmp-uwsgi; scgi_temp_path '"$WORK"'/tmp-scgi;
  keepalive_requests 10000000; keepalive_timeout 120s;'
cat >"$WORK/nginx-backend/nginx.conf" <<CONF
$USER_LINE
worker_processes 1;
daemon off;
pid $WORK/nginx-backend/nginx.pid;
error_log $WORK/nginx-backend/error.log warn;
events { worker_connections 4096; }
http {
  $common_http
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    default_type application/json;
    location = /api/tenants/current {
      return 200 '{"id":"$TENANT","name":"Bench","plan":"ENTERPRISE","status":"ACTIVE"}';
    }
    location / {
      return 200 '{"ok":true,"served-by":"bench-backend"}';
    }
  }
}
CONF
cat >"$WORK/nginx-proxy/nginx.conf" <<CONF
$USER_LINE
worker_processes auto;
daemon off;
pid $WORK/nginx-proxy/nginx.pid;
error_log $WORK/nginx-proxy/error.log warn;
events { worker_connections 4096; }
http {
  $common_http
  upstream backend {
    server 127.0.0.1:$BACKEND_PORT;
    keepalive 128;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
"$NGINX" -e "$WORK/nginx-backend/error.log" -p "$WORK/nginx-backend" -c "$WORK/nginx-backend/nginx.conf" &
PIDS+=($!)
"$NGINX" -e "$WORK/nginx-proxy/error.log" -p "$WORK/nginx-proxy" -c "$WORK/nginx-proxy/nginx.conf" &
PIDS+=($!)

wait_for() { # url, seconds
  for _ in $(seq 1 "$(($2 * 4))"); do
    curl -s -o /dev/null "$1" && return 0
    sleep 0.25
  done
  echo "Nothing answers at $1" >&2
  return 1
}
wait_for "http://127.0.0.1:$BACKEND_PORT/" 10
wait_for "http://127.0.0.1:$NGINX_PORT/" 10

# --- the gateway --------------------------------------------------------------------------------
echo "Building the gateway jar..." >&2
(cd "$ROOT" && ./mvnw -o -q package -DskipTests -pl gateway >/dev/null)
JAR="$ROOT/gateway/target/gateway.jar"
GATEWAY_PORT="$(free_port)"
GATEWAY_PID=""

start_gateway() { # extra arguments
  local services=()
  for service in identity crm ticket billing catalog messaging ai infra; do
    services+=("--colmena.gateway.services.$service=http://127.0.0.1:$BACKEND_PORT")
  done
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS is a word list
  PORT="$GATEWAY_PORT" "$JAVA_HOME/bin/java" -Xms256m -Xmx512m -XX:+UseParallelGC ${GATEWAY_JAVA_OPTS:-} \
    --enable-native-access=ALL-UNNAMED -jar "$JAR" "${services[@]}" \
    --logging.level.root=WARN --management.tracing.sampling.probability=0 "$@" \
    >"$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" && return 0
    kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -50 "$WORK/gateway.log" >&2; return 1; }
    sleep 0.25
  done
  echo "The gateway did not become ready" >&2
  return 1
}

gateway_cpu_ticks() {
  awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"
}

stop_gateway() {
  kill "$GATEWAY_PID" 2>/dev/null || true
  wait "$GATEWAY_PID" 2>/dev/null || true
}

# run NAME URL [with-tokens] [rate] -> prints the table row, sets R_RPS R_P50 R_P99
run() {
  local name="$1" url="$2" tokens="${3:-}" rate="${4:-}" duration="${5:-$DURATION}"
  local output cpu_before=""
  if [[ -n "$GATEWAY_PID" && "$url" == *":$GATEWAY_PORT/"* ]]; then
    cpu_before="$(gateway_cpu_ticks)"
  fi
  output="$(BENCH_TOKENS="${tokens:+$WORK/tokens}" BENCH_RATE="$rate" BENCH_THREADS="$THREADS" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s -s "$HERE/wrk.lua" "$url" 2>&1)"
  local result
  result="$(grep '^RESULT' <<<"$output" || true)"
  if [[ -z "$result" ]]; then
    echo "$output" >&2
    return 1
  fi
  R_RPS="$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$result")"
  R_P50="$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$result")"
  R_P99="$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$result")"
  local non2xx errors requests
  non2xx="$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$result")"
  errors="$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$result")"
  requests="$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")"
  local cpu_per_request="-"
  if [[ -n "$cpu_before" ]]; then
    # The gateway's user + system CPU time over the run, per request answered.
    cpu_per_request="$(python3 -c "print(f'{($(gateway_cpu_ticks) - $cpu_before) * 1000 / $(getconf CLK_TCK) / max($requests, 1):.3f}')")"
  fi
  if [[ -n "$name" ]]; then
    printf '%-44s %10s %10s %10s %8s %7s %12s\n' "$name" "$R_RPS" "$R_P50" "$R_P99" "$non2xx" "$errors" "$cpu_per_request"
  fi
  if ((non2xx * 100 > requests)) || ((errors * 100 > requests)); then
    echo "  more than 1 % of the answers were not 2xx or failed: the figures above are not valid" >&2
  fi
}

CALL_PATH="/api/tickets"
PUBLIC_PATH="/webhooks/stripe"

printf '\nwrk %s threads, %s connections, %s per run, %s rotating tokens of one ENTERPRISE tenant\n\n' \
  "$THREADS" "$CONNECTIONS" "$DURATION" "$TOKEN_COUNT"
printf '%-44s %10s %10s %10s %8s %7s %12s\n' "target" "req/s" "p50 ms" "p99 ms" "non-2xx" "errors" "gw CPU ms/req"

run "" "http://127.0.0.1:$BACKEND_PORT$CALL_PATH" "" "" "3s"
run "1. backend directly" "http://127.0.0.1:$BACKEND_PORT$CALL_PATH"
BACKEND_RPS="$R_RPS"

# Gateway without rate limiting: public route, then JWT.
start_gateway --colmena.gateway.rate-limit.enabled=false
fresh_tokens
run "" "http://127.0.0.1:$GATEWAY_PORT$CALL_PATH" tokens "" "$WARMUP"
run "" "http://127.0.0.1:$GATEWAY_PORT$PUBLIC_PATH" "" "" "20s"
run "2. gateway, public route, no token" "http://127.0.0.1:$GATEWAY_PORT$PUBLIC_PATH"
run "3. gateway, JWT" "http://127.0.0.1:$GATEWAY_PORT$CALL_PATH" tokens
stop_gateway

# Gateway with JWT and rate limiting (generous ENTERPRISE limit: measures the Redis round trip).
start_gateway --colmena.gateway.rate-limit.plans.ENTERPRISE.replenish-rate=10000000 \
  --colmena.gateway.rate-limit.plans.ENTERPRISE.burst-capacity=10000000
fresh_tokens
run "" "http://127.0.0.1:$GATEWAY_PORT$CALL_PATH" tokens "" "$WARMUP"
run "4. gateway, JWT + rate limit (Redis)" "http://127.0.0.1:$GATEWAY_PORT$CALL_PATH" tokens
FULL_RPS="$R_RPS"

run "" "http://127.0.0.1:$NGINX_PORT$CALL_PATH" "" "" "3s"
run "5. nginx reverse proxy" "http://127.0.0.1:$NGINX_PORT$CALL_PATH"
NGINX_RPS="$R_RPS"

# The p99 the gateway adds, paced at a share of its own maximum: half is the target; the lower
# shares show up to which rate the gateway stays within 3 ms on this machine.
printf '\nPaced by wrk.lua'"'"'s delay() at shares of the full gateway path'"'"'s maximum (%s req/s):\n' "$FULL_RPS"
ADDED=()
for share in 20 30 40 50; do
  rate="$(python3 -c "print(round($FULL_RPS * $share / 100))")"
  run "   $share %: backend directly @ $rate req/s" "http://127.0.0.1:$BACKEND_PORT$CALL_PATH" tokens "$rate"
  backend_p99="$R_P99"
  fresh_tokens
  run "   $share %: gateway JWT + rate limit @ $rate req/s" "http://127.0.0.1:$GATEWAY_PORT$CALL_PATH" tokens "$rate"
  ADDED+=("$share:$rate:$(python3 -c "print(f'{$R_P99 - $backend_p99:.2f}')")")
done
stop_gateway

python3 - "$FULL_RPS" "$NGINX_RPS" "$BACKEND_RPS" "${ADDED[@]}" <<'PY'
import sys
full, nginx, backend = map(float, sys.argv[1:4])
added = [(int(share), int(rate), float(ms)) for share, rate, ms in (a.split(":") for a in sys.argv[4:])]
ratio = 100 * full / nginx
half = next(ms for share, _, ms in added if share == 50)
within = [(share, rate) for share, rate, ms in added if ms <= 3]
print()
print(f"gateway full path / nginx throughput: {ratio:.0f} % (target >= 60 %): {'MET' if ratio >= 60 else 'NOT MET'}")
print(f"p99 added by the gateway at half its maximum: {half:.2f} ms (target <= 3 ms): {'MET' if half <= 3 else 'NOT MET'}")
print("p99 added by share of the maximum: " + ", ".join(f"{share} %: {ms:.2f} ms" for share, _, ms in added))
if within:
    share, rate = max(within)
    print(f"highest share measured within 3 ms: {share} % ({rate} req/s)")
else:
    print("no share measured stays within 3 ms")
print(f"(backend alone: {backend:.0f} req/s; all processes share this machine's cores with wrk)")
PY
