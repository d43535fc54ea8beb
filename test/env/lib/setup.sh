# shellcheck shell=bash
# `testenv setup`: Debian packages, the engine from Debian trixie, busybox and esbuild binaries.

# Host packages from this machine's own apt sources (bookworm), installed only when missing.
# Each entry: package:command-or-path.
HOST_PACKAGES=(
  docker-registry:docker-registry runc:/usr/sbin/runc apache2-utils:htpasswd curl:curl jq:jq
  ca-certificates:/etc/ssl/certs/ca-certificates.crt chromium:chromium make:make
  zstd:zstd file:file openssl:openssl   # deep corpus: zstd layers, checking binaries, the big base's bytes
)

install_host_packages() {
  local need=() p cmd
  for p in "${HOST_PACKAGES[@]}"; do
    cmd=${p#*:}
    if [ "${cmd:0:1}" = / ]; then [ -e "$cmd" ] || need+=("${p%%:*}")
    else command -v "$cmd" >/dev/null 2>&1 || need+=("${p%%:*}"); fi
  done
  [ ${#need[@]} -gt 0 ] || return 0
  log "apt-get install: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${need[@]}" >/dev/null
}

# Node and npm come with the machine (Debian's nodejs 18 is too old for Vite 8): check, do not install.
check_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    die "node and npm are needed (Node >= 20.19): install Node 20 first"
  fi
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
    || die "Node $(node --version) is too old: Node >= 20.19 is needed"
}

# dockerd, containerd, docker CLI and buildx from Debian trixie, extracted with dpkg -x under
# $TESTENV_DIR/root (nothing installed system-wide). runc stays bookworm's: trixie's needs glibc >= 2.38.
setup_engine() {
  # Done before (versions.txt is written last, after every check passed)?
  if [ -s "$TESTENV_DIR/versions.txt" ] && [ -x "$TESTENV_DIR/bin/dockerd" ] && [ -x "$DCFG/cli-plugins/docker-buildx" ]; then
    return 0
  fi
  fetch_debs "$TESTENV_SUITE" "$TESTENV_SUITE" "$TESTENV_DIR/debs" amd64 docker.io docker-cli containerd docker-buildx
  if [ ! -x "$TESTENV_DIR/root/usr/sbin/dockerd" ] || [ ! -x "$TESTENV_DIR/root/usr/bin/docker" ]; then
    local d; for d in "$TESTENV_DIR"/debs/*.deb; do dpkg -x "$d" "$TESTENV_DIR/root"; done
  fi
  mkdir -p "$TESTENV_DIR/bin" "$DCFG/cli-plugins"
  local b src
  for b in docker dockerd docker-proxy containerd containerd-shim-runc-v2 ctr; do
    src=$TESTENV_DIR/root/usr/bin/$b
    [ -x "$src" ] || src=$TESTENV_DIR/root/usr/sbin/$b
    [ -x "$src" ] || die "$b not found in the $TESTENV_SUITE packages"
    ln -sfn "$src" "$TESTENV_DIR/bin/$b"
  done
  ln -sfn /usr/sbin/runc "$TESTENV_DIR/bin/runc"
  cp -f "$TESTENV_DIR/root/usr/libexec/docker/cli-plugins/docker-buildx" "$DCFG/cli-plugins/docker-buildx"
  # Fail now, not at start, if a binary does not run on this glibc.
  for b in dockerd containerd docker; do
    "$TESTENV_DIR/bin/$b" --version >/dev/null 2>&1 \
      || die "$TESTENV_DIR/bin/$b does not run here: $("$TESTENV_DIR/bin/$b" --version 2>&1 | head -n3)"
  done
  DOCKER_CONFIG=$DCFG "$TESTENV_DIR/bin/docker" buildx version >/dev/null 2>&1 || die "the docker buildx plugin does not run"
  local v=$TESTENV_DIR/versions.txt p
  for p in docker.io docker-cli containerd docker-buildx; do
    dpkg-deb -f "$TESTENV_DIR"/debs/"${p}"_*.deb Package Version | awk '{print $2}' | paste -sd' '
  done > "$v.tmp"
  echo "runc $(/usr/sbin/runc --version | head -n1) (system, bookworm)" >> "$v.tmp"
  mv "$v.tmp" "$v"
}

# Debian bookworm busybox-static for amd64 and arm64: the base image and the Node stand-in's shell.
setup_busybox() {
  [ -x "$CONTENT/bb-amd64/bin/busybox" ] && [ -x "$CONTENT/bb-arm64/bin/busybox" ] && return 0
  fetch_debs bookworm-content bookworm "$CONTENT/debs" "amd64 arm64" busybox-static:amd64 busybox-static:arm64
  local a
  for a in amd64 arm64; do
    rm -rf "$CONTENT/bb-$a"; dpkg -x "$CONTENT"/debs/busybox-static_*_"$a".deb "$CONTENT/bb-$a"
  done
}

# Real host binaries (esbuild) for darwin, windows and linux from npm, laid out as
# hostbin/<os>/<docker-arch>/esbuild[.exe] for the corpus builds.
setup_hostbin() {
  local hb=$CONTENT/hostbin V=$TESTENV_ESBUILD_VERSION
  [ -x "$hb/windows/amd64/esbuild.exe" ] && [ -x "$hb/darwin/arm64/esbuild" ] && return 0
  mkdir -p "$CONTENT/npm"
  log "npm pack @esbuild/*@$V"
  (cd "$CONTENT/npm" && npm_config_cache=$CONTENT/npm-cache npm pack --silent \
     "@esbuild/darwin-arm64@$V" "@esbuild/darwin-x64@$V" "@esbuild/win32-x64@$V" \
     "@esbuild/linux-arm64@$V" "@esbuild/linux-x64@$V" >/dev/null)
  local t n=$CONTENT/npm/esbuild
  for t in "$CONTENT"/npm/*.tgz; do rm -rf "${t%.tgz}"; mkdir -p "${t%.tgz}"; tar xzf "$t" -C "${t%.tgz}"; done
  rm -rf "$hb"; mkdir -p "$hb"/darwin/{amd64,arm64} "$hb"/linux/{amd64,arm64} "$hb"/windows/amd64
  install -m 0755 "$n-darwin-x64-$V/package/bin/esbuild"   "$hb/darwin/amd64/esbuild"
  install -m 0755 "$n-darwin-arm64-$V/package/bin/esbuild" "$hb/darwin/arm64/esbuild"
  install -m 0755 "$n-linux-x64-$V/package/bin/esbuild"    "$hb/linux/amd64/esbuild"
  install -m 0755 "$n-linux-arm64-$V/package/bin/esbuild"  "$hb/linux/arm64/esbuild"
  install -m 0755 "$n-win32-x64-$V/package/esbuild.exe"    "$hb/windows/amd64/esbuild.exe"
  "$hb/linux/amd64/esbuild" --version >/dev/null || die "the linux/amd64 esbuild binary does not run"
}

# Deep corpus additions, beside the esbuild binaries: the Windows-on-Arm esbuild and a universal
# (x86_64 + arm64) Mach-O, fsevents.node from fsevents, laid out as hostbin/windows/arm64/esbuild.exe
# and hostbin/darwin/universal/fsevents.node.
TESTENV_FSEVENTS_VERSION=2.3.3
setup_deep_hostbin() {
  local hb=$CONTENT/hostbin V=$TESTENV_ESBUILD_VERSION F=$TESTENV_FSEVENTS_VERSION
  [ -x "$hb/windows/arm64/esbuild.exe" ] && [ -s "$hb/darwin/universal/fsevents.node" ] && return 0
  mkdir -p "$CONTENT/npm"
  log "npm pack @esbuild/win32-arm64@$V fsevents@$F"
  (cd "$CONTENT/npm" && npm_config_cache=$CONTENT/npm-cache npm pack --silent \
     "@esbuild/win32-arm64@$V" "fsevents@$F" >/dev/null)
  local t
  for t in "$CONTENT/npm/esbuild-win32-arm64-$V.tgz" "$CONTENT/npm/fsevents-$F.tgz"; do
    rm -rf "${t%.tgz}"; mkdir -p "${t%.tgz}"; tar xzf "$t" -C "${t%.tgz}"
  done
  mkdir -p "$hb/windows/arm64" "$hb/darwin/universal"
  install -m 0755 "$CONTENT/npm/esbuild-win32-arm64-$V/package/esbuild.exe" "$hb/windows/arm64/esbuild.exe"
  install -m 0755 "$CONTENT/npm/fsevents-$F/package/fsevents.node" "$hb/darwin/universal/fsevents.node"
  [ "$(od -An -tx1 -N4 "$hb/darwin/universal/fsevents.node" | tr -d ' ')" = cafebabe ] \
    || die "fsevents@$F's fsevents.node is not a universal Mach-O"
}

cmd_setup() {
  [ "$(id -u)" = 0 ] || die "setup needs root (apt-get)"
  [ "$(dpkg --print-architecture)" = amd64 ] || die "the test environment downloads amd64 packages; this host is $(dpkg --print-architecture)"
  mkdir -p "$TESTENV_DIR" "$CONTENT"
  install_host_packages
  check_node
  setup_engine
  setup_engine28
  setup_busybox
  setup_hostbin
  setup_deep_hostbin
  log "setup done in $TESTENV_DIR:"; sed 's/^/[testenv]   /' "$TESTENV_DIR/versions.txt" >&2
  log "second engine (classic image store):"; sed 's/^/[testenv]   /' "$TESTENV_DIR/versions28.txt" >&2
}
