# shellcheck shell=bash disable=SC2034  # the settings are used by the other lib/*.sh
# Shared settings and helpers of test/env/testenv (sourced, not run).

TESTENV_DIR=$(realpath -m "${TESTENV_DIR:-/tmp/archmatrix-testenv}")
TESTENV_PORT=${TESTENV_PORT:-5100}
TESTENV_AUTH_PORT=${TESTENV_AUTH_PORT:-5101}
TESTENV_CLOSED_PORT=${TESTENV_CLOSED_PORT:-5199}
TESTENV_SUITE=trixie                  # Debian suite of dockerd, containerd, docker CLI and buildx
TESTENV_ESBUILD_VERSION=${TESTENV_ESBUILD_VERSION:-0.28.2}
TESTENV_TAG=1.0.0                     # tag of every corpus image
TESTENV_RESEED=${TESTENV_RESEED:-0}
# Documented credentials of the login-only test registry (not a secret).
TESTENV_USER=testuser
TESTENV_PASS=testpass

# The Debian mirror this machine's apt already uses (deb822 .sources first, then sources.list).
system_mirror() {
  awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep . \
    || awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null
}
TESTENV_MIRROR=${TESTENV_MIRROR:-$(system_mirror || true)}

CORPUS=$HERE/corpus                   # build contexts of the corpus images (committed)
REG=127.0.0.1:$TESTENV_PORT           # open registry
AUTHREG=127.0.0.1:$TESTENV_AUTH_PORT  # login-only registry
BASE_IMAGE=$REG/testenv/busybox:1.35  # the only base image (no Docker Hub here)
SOCK=$TESTENV_DIR/docker.sock
ENGINE=$TESTENV_DIR/engine            # dockerd data-root, exec-root, log, pid
REGDIR=$TESTENV_DIR/registry          # registry configs, data, logs, pids
CONTENT=$TESTENV_DIR/content          # busybox + esbuild binaries
BUILD=$TESTENV_DIR/build              # generated build contexts
DCFG=$TESTENV_DIR/docker-config       # DOCKER_CONFIG: buildx plugin, no credentials
SYS_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[testenv] %s\n' "$*" >&2; }
die() { printf '[testenv] ERROR: %s\n' "$*" >&2; exit 1; }

# Serialise setup/start/seed/stop of one TESTENV_DIR (two `npm test` at once must not race).
take_lock() {
  mkdir -p "$TESTENV_DIR"
  exec 9> "$TESTENV_DIR/.lock"
  flock -w 1800 9 || die "another testenv command holds $TESTENV_DIR/.lock"
}

# apt-get with a private configuration under $TESTENV_DIR/apt/<name> (own sources,
# lists and cache): the system's apt sources are never changed.
# Usage: papt <name> <suite> "<archs>" <apt-get args...>
papt() {
  local name=$1 suite=$2 archs=$3; shift 3
  local a=$TESTENV_DIR/apt/$name
  [ -n "$TESTENV_MIRROR" ] || die "no Debian mirror in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list: set TESTENV_MIRROR"
  mkdir -p "$a/parts" "$a/prefs" "$a/lists/partial" "$a/cache/archives/partial"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$TESTENV_MIRROR" "$suite" > "$a/parts/$suite.sources"
  local o=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$a/parts"
           -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$a/prefs"
           -o "Dir::State::Lists=$a/lists" -o "Dir::Cache=$a/cache"
           -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
  local x; for x in $archs; do o+=(-o "APT::Architectures::=$x"); done
  apt-get -q "${o[@]}" "$@"
}

# fetch_debs <name> <suite> <dest> "<archs>" pkg[:arch]...: download unless already in dest.
fetch_debs() {
  local name=$1 suite=$2 dest=$3 archs=$4; shift 4
  mkdir -p "$dest"
  local p missing=0
  for p in "$@"; do
    case $p in
      *:*) compgen -G "$dest/${p%%:*}_*_${p#*:}.deb" >/dev/null || missing=1 ;;
      *)   compgen -G "$dest/${p}_*.deb" >/dev/null || missing=1 ;;
    esac
  done
  [ $missing = 0 ] && return 0
  log "downloading $* from Debian $suite (private apt config $TESTENV_DIR/apt/$name)"
  papt "$name" "$suite" "$archs" update >/dev/null
  (cd "$dest" && papt "$name" "$suite" "$archs" download "$@" >/dev/null)
}

# Is the process of pidfile $1 alive, with $2 in its command line?
pid_alive() {
  local f=$1 want=$2 pid
  [ -s "$f" ] || return 1
  pid=$(cat "$f")
  [ -d "/proc/$pid" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$want"
}

# Stop the process of pidfile $1 (checked with pid_alive $1 $2): TERM, wait up to 30 s, KILL.
stop_pid() {
  local f=$1 want=$2 what=$3 pid
  if ! pid_alive "$f" "$want"; then rm -f "$f"; log "$what: not running"; return 0; fi
  pid=$(cat "$f")
  kill -TERM "$pid"
  for _ in $(seq 1 150); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
  if [ -d "/proc/$pid" ]; then log "$what: still alive after 30 s, sending KILL"; kill -KILL "$pid" || true; fi
  rm -f "$f"; log "$what: stopped (pid $pid)"
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null || true; }

# The environment's docker CLI with its environment (TDOCKER_CONFIG: another DOCKER_CONFIG).
tdocker() {
  DOCKER_HOST=unix://$SOCK DOCKER_CONFIG=${TDOCKER_CONFIG:-$DCFG} PATH=$TESTENV_DIR/bin:$SYS_PATH \
    "$TESTENV_DIR/bin/docker" "$@"
}

engine_up() { tdocker version --format '{{.Server.Version}}' >/dev/null 2>&1; }
