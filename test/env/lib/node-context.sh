# shellcheck shell=bash
# `testenv node-context`: a folder that stands in for a Node image in a build stage
# (`docker buildx build --build-context node:22-alpine=<folder>`), since Docker Hub is out of
# reach. It holds this machine's node and npm, the libraries they load, a static busybox as the
# shell, DNS files and the CA bundle; npm trusts that bundle through usr/etc/npmrc (this machine
# reaches the npm registry through a TLS-intercepting proxy). Test-only: nothing of it goes into
# the Dockerfile or the Makefile. Prints the folder's path on stdout.

NODE_CONTEXT=$TESTENV_DIR/node-context

node_context_stamp() {
  printf 'node %s npm %s busybox %s\n' "$(node --version)" "$(npm --version)" \
    "$(sha256sum "$CONTENT/bb-amd64/bin/busybox" | cut -c1-16)"
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

build_node_context() {
  local c=$1 node_bin npm_root lib applet
  node_bin=$(readlink -f "$(command -v node)")
  npm_root=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")   # .../node_modules/npm
  rm -rf "$c"; mkdir -p "$c"/{bin,usr/bin,usr/lib,usr/etc,etc/ssl/certs,tmp,root}
  chmod 1777 "$c/tmp"; chmod 0700 "$c/root"
  cp "$node_bin" "$c/usr/bin/node"
  cp -a "$(dirname "$npm_root")" "$c/usr/lib/node_modules"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$c/usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$c/usr/bin/npx"
  for lib in $(node_context_libs "$node_bin"); do
    mkdir -p "$c$(dirname "$lib")"; cp -L "$lib" "$c$lib"
  done
  # busybox as /bin/sh (RUN lines), /usr/bin/env (npm's and the tools' shebang) and its applets.
  cp "$CONTENT/bb-amd64/bin/busybox" "$c/bin/busybox"
  for applet in $("$c/bin/busybox" --list); do
    [ "$applet" = busybox ] || [ -e "$c/bin/$applet" ] || ln -s busybox "$c/bin/$applet"
  done
  ln -s ../../bin/busybox "$c/usr/bin/env"
  cp -L /etc/resolv.conf /etc/hosts "$c/etc/"
  cp -L /etc/ssl/certs/ca-certificates.crt "$c/etc/ssl/certs/ca-certificates.crt"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$c/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$c/etc/group"
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' > "$c/usr/etc/npmrc"
  # Fail now if node does not start inside the folder (a missing library, say).
  chroot "$c" /usr/bin/node -e 'process.exit(0)' || die "node does not start inside $c"
}

cmd_node_context() {
  [ -x "$CONTENT/bb-amd64/bin/busybox" ] || die "nothing set up in $TESTENV_DIR: run 'testenv setup' first"
  command -v node >/dev/null 2>&1 || die "node is not installed"
  local stamp; stamp=$(node_context_stamp)
  if [ ! -s "$NODE_CONTEXT.stamp" ] || [ "$(cat "$NODE_CONTEXT.stamp")" != "$stamp" ]; then
    log "building the Node stand-in folder $NODE_CONTEXT"
    rm -f "$NODE_CONTEXT.stamp"
    build_node_context "$NODE_CONTEXT"
    echo "$stamp" > "$NODE_CONTEXT.stamp"
  fi
  echo "$NODE_CONTEXT"
}
