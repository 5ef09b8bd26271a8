#!/usr/bin/env bash
# Browser tests: the Cockpit plugin "Pathway timings"; the README's Tasklist journey (a concern raised with the curl
# example taken to the multi-agency meeting with the Tasklist forms); Tasklist's start form; the demo mailbox (a police
# officer's action reminder e-mailed to the demo mail server; MAIL_PORTS, default 18070-18079);
# two partnerships (Southvale's coordinator sees only Southvale's case, Northshire's none of it);
# the coordinator's day on PP-2026-000001 (Find a case, its triage overridden with a reason, the chronology; the
# sign-in refusals of Tasklist and Admin); a withdrawal of consent on the demo case shared with police and health,
# acknowledged by both in the partner sandbox; last, the Cockpit page "Pathway changes" (the running cases moved to a
# changed pathway and then taken to closure, which the tests before it would find gone). Starts the
# application jar in demo mode on a free port (18080-18089 unless PORTS is set; the sandbox on 18090-18099) with a throwaway H2 data directory,
# waits until it is UP and the demo cases exist, runs the tests against it, stops the application. Needs
# /usr/bin/chromium (apt-get install -y chromium) and Node.js 18+.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
JAR=$(ls "$ROOT"/target/partnership-pathways-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [[ -z "$JAR" || -n "${REBUILD:-}" ]]; then
  (cd "$ROOT" && mvn -q -DskipTests package)
  JAR=$(ls "$ROOT"/target/partnership-pathways-*.jar | grep -v original | head -1)
fi
[[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund

# The default ports lie below Linux's ephemeral range (32768-60999): there, a port free when probed can be taken a
# moment later as the local end of any outgoing connection, which once kept the partner sandbox from starting in CI.
PORT=""
for candidate in $(seq ${PORTS:-18080 18089}); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[[ -n "$PORT" ]] || { echo "no free port" >&2; exit 1; }

DATA=$(mktemp -d)
export PATHWAYS_DEMO_PASSWORD=${PATHWAYS_DEMO_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')}
SANDBOX_PORT=""
for candidate in $(seq ${SANDBOX_PORTS:-18090 18099}); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then SANDBOX_PORT=$candidate; break; fi
done
[[ -n "$SANDBOX_PORT" ]] || { echo "no free port for the partner sandbox" >&2; exit 1; }
MAIL_PORT=""
for candidate in $(seq ${MAIL_PORTS:-18070 18079}); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then MAIL_PORT=$candidate; break; fi
done
[[ -n "$MAIL_PORT" ]] || { echo "no free port for the demo mail server" >&2; exit 1; }
# The README's run command: the demo profile (demo users, demo cases, partner sandbox, demo mail server)
PORT=$PORT PATHWAYS_SANDBOX_PORT=$SANDBOX_PORT PATHWAYS_DEMO_SMTP_PORT=$MAIL_PORT PATHWAYS_DATA_DIR="$DATA" \
  java -Xmx1g -jar "$JAR" --spring.profiles.active=demo > "$DATA/app.log" 2>&1 &
APP=$!
stop() { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; [[ -n "${KEEP_APP_LOG:-}" ]] && cp "$DATA/app.log" "$KEEP_APP_LOG"; rm -rf "$DATA"; }
trap stop EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"'; then break; fi
  kill -0 "$APP" 2>/dev/null || { cat "$DATA/app.log" >&2; exit 1; }
  sleep 2
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"status":"UP"' || { tail -50 "$DATA/app.log" >&2; exit 1; }

# The demo cases are made in the background once the application is ready; the test needs all of them.
for _ in $(seq 1 120); do
  grep -q 'Demo cases: all created' "$DATA/app.log" && break
  kill -0 "$APP" 2>/dev/null || { tail -50 "$DATA/app.log" >&2; exit 1; }
  sleep 2
done
# When the demo cases did not all get where they should, print what the application said about it.
demo_failed() { grep -E 'Demo case|Partner sandbox| (ERROR|WARN) ' "$DATA/app.log" | tail -40 >&2; exit 1; }
grep -q 'Demo cases: all created' "$DATA/app.log" || demo_failed
if grep -q 'Demo case stopped early' "$DATA/app.log"; then demo_failed; fi

APP_URL="http://127.0.0.1:$PORT" EXPECT_DEMO_CASES=true node pathway-timings.test.js
APP_URL="http://127.0.0.1:$PORT" node tasklist-journey.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" node start-form.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" node demo-mailbox.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" node partnerships.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" node coordinator-day.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" SANDBOX_URL="http://127.0.0.1:$SANDBOX_PORT" node consent-withdrawal.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
APP_URL="http://127.0.0.1:$PORT" node pathway-changes.test.js || { grep -E ' (ERROR|WARN) ' "$DATA/app.log" | tail -20 >&2; exit 1; }
