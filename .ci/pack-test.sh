#!/usr/bin/env bash
# Proves `npx kjernejournal-sandbox` works from a packed tarball, as a CI pipeline or another
# project would install it: npm pack, install the tarball into an empty project, then run the
# CLI's help, validate, start and healthcheck from there. Bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
echo "pack-test: packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
# The built-in scenarios parsed at build time (server/scenario-files/built-in-pack.ts) ship with it.
# Listed to a file first: grep -q would stop reading early, tar would die of SIGPIPE and pipefail
# would call that a failure.
tar tzf "$work/$tarball" >"$work/listing"
grep -qx 'package/dist/scenario-pack.json' "$work/listing" || { echo "pack-test: dist/scenario-pack.json is not in the tarball"; exit 1; }
cd "$work"
npm init -y >/dev/null
timeout 300 npm install --no-audit --no-fund --ignore-scripts "./$tarball" >/dev/null
help=$(npx --no-install kjernejournal-sandbox help)
grep -q PUBLIC_URL <<<"$help"
npx --no-install kjernejournal-sandbox validate
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# The installed bin itself, not through npx: so the PID is node's and SIGTERM reaches it.
PORT=$port HOST=127.0.0.1 LOG_LEVEL=warn ./node_modules/.bin/kjernejournal-sandbox start &
server=$!
for _ in $(seq 1 100); do
  if PORT=$port HOST=127.0.0.1 ./node_modules/.bin/kjernejournal-sandbox healthcheck; then break; fi
  sleep 0.2
done
PORT=$port HOST=127.0.0.1 ./node_modules/.bin/kjernejournal-sandbox healthcheck
node -e "fetch('http://127.0.0.1:$port/.well-known/openid-configuration').then(r=>r.json()).then(d=>{if(d.issuer!=='http://localhost:$port')process.exit(1)})"
kill -TERM "$server"
timeout 10 tail --pid="$server" -f /dev/null
server=""
echo "pack-test: PASS"
