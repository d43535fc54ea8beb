# shellcheck shell=bash
# The second engine, beside the first: dockerd 28.5.2 (API 1.51) + containerd 2.1 from Debian sid, the
# engine Docker Desktop users have, with the CLASSIC image store (graph driver, containerd snapshotter
# off). Its own socket ($SOCK28), containerd, data-root and exec-root under $ENGINE28; the same
# registries as the first engine. Seeded with the same installed corpus, so the engine-facing tests
# read both image stores (what `docker save` exports differs between them).
# The first engine is never touched here: adding this one to a running environment leaves it as it is.

TESTENV_SUITE28=sid                   # Debian suite of the second engine
ENGINE28=$TESTENV_DIR/engine28        # its dockerd data-root, exec-root, containerd, logs, pids
SOCK28=$TESTENV_DIR/docker28.sock
BIN28=$TESTENV_DIR/bin28              # links to its binaries (runc stays bookworm's)
CTRD28_SOCK=$ENGINE28/exec/containerd/containerd.sock

# The second engine with the docker CLI of its own suite (same credential-free DOCKER_CONFIG).
tdocker28() {
  DOCKER_HOST=unix://$SOCK28 DOCKER_CONFIG=$DCFG PATH=$BIN28:$SYS_PATH "$BIN28/docker" "$@"
}

engine28_up() { tdocker28 version --format '{{.Server.Version}}' >/dev/null 2>&1; }

# dockerd, containerd and the docker CLI from Debian sid, extracted with dpkg -x under $TESTENV_DIR/root28.
setup_engine28() {
  if [ -s "$TESTENV_DIR/versions28.txt" ] && [ -x "$BIN28/dockerd" ] && [ -x "$BIN28/containerd" ]; then return 0; fi
  local debs=$TESTENV_DIR/debs28 root=$TESTENV_DIR/root28 b src d p
  fetch_debs "$TESTENV_SUITE28" "$TESTENV_SUITE28" "$debs" amd64 docker.io docker-cli containerd
  if [ ! -x "$root/usr/sbin/dockerd" ] || [ ! -x "$root/usr/bin/containerd" ]; then
    for d in "$debs"/*.deb; do dpkg -x "$d" "$root"; done
  fi
  mkdir -p "$BIN28"
  for b in docker dockerd docker-proxy containerd containerd-shim-runc-v2 ctr; do
    src=$root/usr/bin/$b
    [ -x "$src" ] || src=$root/usr/sbin/$b
    [ -x "$src" ] || die "$b not found in the $TESTENV_SUITE28 packages"
    ln -sfn "$src" "$BIN28/$b"
  done
  ln -sfn /usr/sbin/runc "$BIN28/runc"
  for b in dockerd containerd docker; do
    "$BIN28/$b" --version >/dev/null 2>&1 \
      || die "$BIN28/$b does not run here: $("$BIN28/$b" --version 2>&1 | head -n3)"
  done
  for p in docker.io docker-cli containerd; do
    dpkg-deb -f "$debs"/"${p}"_*.deb Package Version | awk '{print $2}' | paste -sd' '
  done > "$TESTENV_DIR/versions28.txt.tmp"
  mv "$TESTENV_DIR/versions28.txt.tmp" "$TESTENV_DIR/versions28.txt"
}

# Start containerd and dockerd of the second engine (each kept when already running).
start_engine28() {
  [ -x "$BIN28/dockerd" ] || die "the second engine is not set up in $TESTENV_DIR: run 'testenv setup' first"
  start_containerd_in "$ENGINE28" "$BIN28" "$CTRD28_SOCK"
  start_dockerd_in "$ENGINE28" "$BIN28" "$CTRD28_SOCK" "$SOCK28" false
}

stop_engine28() {
  stop_pid "$ENGINE28/dockerd.pid" "$ENGINE28/daemon.json" "dockerd (engine 28)"
  stop_pid "$ENGINE28/containerd.pid" "$ENGINE28/containerd.toml" "containerd (engine 28)"
}

# What the second engine holds for a reference: its RepoDigests (the classic store keys an image by its
# config; the digest it was pulled by is one of its RepoDigests).
engine28_has() {   # reference, registry digest
  tdocker28 image inspect --format '{{json .RepoDigests}}' "$1" 2>/dev/null | grep -qF "\"${1%:*}@$2\""
}

# The installed corpus of the first engine, pulled into the second one; the never-pushed image is
# copied from the first engine (`docker save | docker load`, both read-only for the first one).
seed_engine28() {
  engine28_up || die "the second engine is not running: run 'testenv start'"
  local n ref dg
  for n in good amd64-only legacy-list wrong-host-binary many-platforms arm64-only-attested; do
    ref=$REG/corpus/$n:$TESTENV_TAG
    dg=$(registry_digest "corpus/$n" "$TESTENV_TAG")
    [ "$TESTENV_RESEED" != 1 ] && engine28_has "$ref" "$dg" && continue
    # The classic store keeps an image the tag moved away from (listed as <none>): drop it first.
    tdocker28 image rm "$ref" >/dev/null 2>&1 || true
    if [ "$n" = arm64-only-attested ]; then
      log "engine 28: docker pull --platform=linux/arm64 $ref"; tdocker28 pull -q --platform=linux/arm64 "$ref" >/dev/null
    else
      log "engine 28: docker pull $ref"; tdocker28 pull -q "$ref" >/dev/null
    fi
    engine28_has "$ref" "$dg" || die "engine 28 pulled $ref but does not hold $dg"
  done
  if [ "$TESTENV_RESEED" = 1 ] || ! tdocker28 image inspect "$LOCAL_ONLY" >/dev/null 2>&1; then
    log "engine 28: $LOCAL_ONLY from the first engine"
    tdocker save "$LOCAL_ONLY" | tdocker28 load -q >/dev/null || die "could not copy $LOCAL_ONLY into engine 28"
  fi
}
