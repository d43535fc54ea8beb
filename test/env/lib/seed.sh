# shellcheck shell=bash
# `testenv seed`: the base image and the corpus, built and pushed with real buildx.
# Images already right in the registry are kept (stable digests); TESTENV_RESEED=1 rebuilds them.

SEED_BUILT=0
# shellcheck source=test/env/lib/seed-deep.sh
. "$HERE/lib/seed-deep.sh"
bx() {   # docker buildx build with the environment's defaults; output in $TESTENV_DIR/seed.log
  SEED_BUILT=1
  log "docker buildx build $*"
  tdocker buildx build --network=host --progress=plain "$@" >> "$TESTENV_DIR/seed.log" 2>&1 && return 0
  log "build failed: $(tail -n 1 "$TESTENV_DIR/seed.log")"
  return 1
}

# What a tag of the open registry holds: "<media type>|<sorted platforms of its entries>".
shape() {   # repository, tag
  curl -s -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REG/v2/$1/manifests/$2" \
    | jq -r '(.mediaType // "none") + "|" + ([.manifests[]? | .platform | .os + "/" + .architecture + (if .variant then "/" + .variant else "" end)] | sort | join(","))' 2>/dev/null \
    || echo "unreadable|"
}

# ensure REPO TAG EXPECTED-SHAPE COMMAND...: run COMMAND until the tag has the expected shape.
# Why retry: with the docker driver, buildx 0.13 pushes twice (BuildKit, then "pushing ... with
# docker"); the engine's push PUTs every manifest on the tag concurrently, and distribution 2.8
# can then answer a HEAD with 500 "invalid checksum digest format", leaving the tag on a single
# platform manifest. Seen on 2 of 8 eight-platform pushes, 0 of 15 two-platform pushes.
ensure() {
  local repo=$1 tag=$2 want=$3 attempt got; shift 3
  if [ "$TESTENV_RESEED" != 1 ] && [ "$(shape "$repo" "$tag")" = "$want" ]; then return 0; fi
  for attempt in 1 2 3 4 5; do
    if "$@"; then
      got=$(shape "$repo" "$tag")
      [ "$got" = "$want" ] && return 0
      log "$REG/$repo:$tag holds '$got', expected '$want' (attempt $attempt)"
    fi
  done
  tail -n 40 "$TESTENV_DIR/seed.log" >&2
  die "could not seed $REG/$repo:$tag (full log: $TESTENV_DIR/seed.log)"
}

OCI_INDEX=application/vnd.oci.image.index.v1+json
ATT=unknown/unknown
DOCKER_LIST=application/vnd.docker.distribution.manifest.list.v2+json

# Base image: FROM scratch + Debian's static busybox per TARGETARCH, with applet links
# (/bin/sh, /bin/cp, ...) like the busybox image on Docker Hub.
build_base() {
  local c=$BUILD/busybox a applet
  rm -rf "$c"; mkdir -p "$c"
  for a in amd64 arm64; do
    mkdir -p "$c/rootfs-$a/bin" "$c/rootfs-$a/tmp"
    cp "$CONTENT/bb-$a/bin/busybox" "$c/rootfs-$a/bin/busybox"
    for applet in $("$CONTENT/bb-amd64/bin/busybox" --list); do
      [ "$applet" = busybox ] || ln -s busybox "$c/rootfs-$a/bin/$applet"
    done
  done
  cat > "$c/Dockerfile" <<'DOCKERFILE'
# Arch Matrix test environment base image: Debian bookworm busybox-static 1.35 (amd64/arm64), no RUN.
FROM scratch
ARG TARGETARCH
COPY rootfs-${TARGETARCH}/ /
LABEL org.opencontainers.image.title="busybox (archmatrix testenv base)" \
      org.opencontainers.image.description="Debian bookworm busybox-static 1.35"
CMD ["/bin/sh"]
DOCKERFILE
  bx --platform=linux/amd64,linux/arm64 --provenance=false --push --tag="$BASE_IMAGE" "$c"
}

corpus_args() { echo "--build-arg=TESTENV_REGISTRY=$REG --build-context=hostbin=$CONTENT/hostbin"; }

build_corpus() {   # name, then extra buildx flags (platforms, attestations)
  local name=$1; shift
  # shellcheck disable=SC2046
  bx $(corpus_args) "$@" --push --tag="$REG/corpus/$name:$TESTENV_TAG" "$CORPUS/$name"
}

build_legacy_list() {
  # shellcheck disable=SC2046
  bx $(corpus_args) --platform=linux/amd64,linux/arm64 --provenance=false \
     --output="type=image,name=$REG/corpus/legacy-list:$TESTENV_TAG,oci-mediatypes=false,push=true" "$CORPUS/legacy-list"
}

put_blob() {   # repository, file: monolithic upload to the open registry; prints the digest
  local repo=$1 file=$2 dg loc
  dg=sha256:$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -I "http://$REG/v2/$repo/blobs/$dg")" != 200 ]; then
    loc=$(curl -s -D - -o /dev/null -X POST "http://$REG/v2/$repo/blobs/uploads/" | tr -d '\r' | awk 'tolower($1)=="location:" {print $2}')
    case $loc in http*) ;; *) loc=http://$REG$loc;; esac
    case $loc in *\?*) loc="$loc&digest=$dg";; *) loc="$loc?digest=$dg";; esac
    curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$loc"
  fi
  echo "$dg"
}

# windows-entry: linux/amd64 + linux/arm64 built with buildx, then a hand-made windows/amd64
# image (config "os":"windows","os.version":"10.0.17763.5329", one small layer) is uploaded
# and a new index listing it is PUT on the tag: linux images, windows, then attestations.
seed_windows_entry() {
  local repo=corpus/windows-entry tag=$TESTENV_TAG w=$BUILD/windows-entry-win
  local final="$OCI_INDEX|linux/amd64,linux/arm64,$ATT,$ATT,windows/amd64"
  if [ "$TESTENV_RESEED" != 1 ] && [ "$(shape "$repo" "$tag")" = "$final" ]; then return 0; fi
  ensure "$repo" "$tag" "$OCI_INDEX|linux/amd64,linux/arm64,$ATT,$ATT" \
    build_corpus windows-entry --platform=linux/amd64,linux/arm64
  log "adding a windows/amd64 manifest to $REG/$repo:$tag through the registry API"
  rm -rf "$w"; mkdir -p "$w/layer/Files/extension" "$w/layer/Hives"
  cp "$CORPUS/windows-entry/metadata.json" "$w/layer/Files/extension/"
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$w/layer" -cf "$w/layer.tar" Files Hives
  gzip -n -c "$w/layer.tar" > "$w/layer.tar.gz"
  local diffid labels index_url="http://$REG/v2/$repo/manifests/$tag"
  diffid=sha256:$(sha256sum "$w/layer.tar" | cut -d' ' -f1)
  labels=$(curl -s -H 'Accept: application/vnd.oci.image.index.v1+json' "$index_url" \
    | jq -r '[.manifests[] | select(.platform.architecture=="amd64" and .platform.os=="linux")][0].digest' \
    | xargs -I{} curl -s -H 'Accept: application/vnd.oci.image.manifest.v1+json' "http://$REG/v2/$repo/manifests/{}" \
    | jq -r .config.digest | xargs -I{} curl -s "http://$REG/v2/$repo/blobs/{}" | jq -c '.config.Labels // {}')
  jq -cn --arg diffid "$diffid" --argjson labels "$labels" '{
      architecture: "amd64", os: "windows", "os.version": "10.0.17763.5329",
      created: "2024-01-09T00:00:00Z",
      config: {Cmd: ["cmd", "/S", "/C", "type", "C:\\extension\\metadata.json"], Labels: $labels},
      rootfs: {type: "layers", diff_ids: [$diffid]},
      history: [{created: "2024-01-09T00:00:00Z", created_by: "archmatrix testenv: hand-made windows/amd64 manifest"}]
    }' > "$w/config.json"
  local cfg_dg layer_dg m_dg
  cfg_dg=$(put_blob "$repo" "$w/config.json")
  layer_dg=$(put_blob "$repo" "$w/layer.tar.gz")
  jq -cn --arg c "$cfg_dg" --argjson cs "$(stat -c %s "$w/config.json")" \
         --arg l "$layer_dg" --argjson ls "$(stat -c %s "$w/layer.tar.gz")" '{
      schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json",
      config: {mediaType: "application/vnd.oci.image.config.v1+json", digest: $c, size: $cs},
      layers: [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $l, size: $ls}]
    }' > "$w/manifest.json"
  m_dg=sha256:$(sha256sum "$w/manifest.json" | cut -d' ' -f1)
  curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
       --data-binary "@$w/manifest.json" "http://$REG/v2/$repo/manifests/$m_dg"
  curl -s -H 'Accept: application/vnd.oci.image.index.v1+json' "$index_url" > "$w/index-linux.json"
  jq -c --arg d "$m_dg" --argjson s "$(stat -c %s "$w/manifest.json")" '
      .manifests as $m
      | .manifests = ([$m[] | select(.platform.os != "unknown")]
                      + [{mediaType: "application/vnd.oci.image.manifest.v1+json", digest: $d, size: $s,
                          platform: {architecture: "amd64", os: "windows", "os.version": "10.0.17763.5329"}}]
                      + [$m[] | select(.platform.os == "unknown")])' "$w/index-linux.json" > "$w/index.json"
  curl -fsS -o /dev/null -X PUT -H "Content-Type: $(jq -r .mediaType "$w/index.json")" \
       --data-binary "@$w/index.json" "$index_url"
  [ "$(shape "$repo" "$tag")" = "$final" ] || die "$REG/$repo:$tag holds '$(shape "$repo" "$tag")', expected '$final'"
}

# private/good: a byte-for-byte copy of corpus/good on the login-only registry, made with a
# throw-away DOCKER_CONFIG holding the documented test credentials.
seed_private() { copy_to_auth corpus/good private/good; }

# copy_to_auth SRC-REPO [DST-REPO]: SRC-REPO:$TESTENV_TAG of the open registry, byte for byte (same
# digests), to DST-REPO (default SRC-REPO) on the login-only registry; kept when it already holds it.
auth_digest() {   # repository, tag: the Docker-Content-Digest of the tag on the login-only registry
  curl -s -I -u "$TESTENV_USER:$TESTENV_PASS" -H "Accept: $OCI_INDEX, $DOCKER_LIST" \
    "http://$AUTHREG/v2/$1/manifests/$2" | tr -d '\r' | awk 'tolower($1) == "docker-content-digest:" {print $2}'
}
copy_to_auth() {
  local from=$1 to=${2:-$1} c=$TESTENV_DIR/docker-config-seed-auth
  local src=$REG/$from:$TESTENV_TAG dst=$AUTHREG/$to:$TESTENV_TAG
  if [ "$TESTENV_RESEED" != 1 ] && [ "$(auth_digest "$to" "$TESTENV_TAG")" = "$(registry_digest "$from" "$TESTENV_TAG")" ]; then
    return 0
  fi
  mkdir -p "$c/cli-plugins"
  ln -sfn "$DCFG/cli-plugins/docker-buildx" "$c/cli-plugins/docker-buildx"
  jq -n --arg r "$AUTHREG" --arg a "$(printf '%s:%s' "$TESTENV_USER" "$TESTENV_PASS" | base64 -w0)" \
     '{auths: {($r): {auth: $a}}}' > "$c/config.json"
  log "docker buildx imagetools create --tag $dst $src"
  TDOCKER_CONFIG=$c tdocker buildx imagetools create --tag "$dst" "$src" >> "$TESTENV_DIR/seed.log" 2>&1 \
    || { tail -n 20 "$TESTENV_DIR/seed.log" >&2; die "copy to $dst failed"; }
}

# The never-pushed image is named on the open registry, which never holds it: looking it up stays on
# loopback (a name without a registry would be looked up on Docker Hub).
LOCAL_ONLY=$REG/local/dev-extension:latest
seed_local_only() {
  if [ "$TESTENV_RESEED" != 1 ] && tdocker image inspect "$LOCAL_ONLY" >/dev/null 2>&1; then return 0; fi
  bx "--build-arg=TESTENV_REGISTRY=$REG" --platform=linux/amd64 --load --tag="$LOCAL_ONLY" "$CORPUS/local-only" \
    || die "could not build $LOCAL_ONLY (log: $TESTENV_DIR/seed.log)"
}

registry_digest() {   # repository, tag: the Docker-Content-Digest of the tag on the open registry
  curl -s -I -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REG/v2/$1/manifests/$2" | tr -d '\r' | awk 'tolower($1) == "docker-content-digest:" {print $2}'
}

# The engine holds what a user would have: corpus 1-6 pulled (host platform content only;
# arm64-only-attested with --platform=linux/arm64) plus the --load'ed $LOCAL_ONLY.
seed_engine_state() {
  local n ref
  if [ "$SEED_BUILT" = 1 ]; then   # the docker driver also stored what it built: drop those
    for n in good amd64-only arm64-only-attested legacy-list wrong-host-binary many-platforms windows-entry; do
      tdocker image rm "$REG/corpus/$n:$TESTENV_TAG" >/dev/null 2>&1 || true
    done
    tdocker image rm "$BASE_IMAGE" >/dev/null 2>&1 || true
  fi
  for n in good amd64-only legacy-list wrong-host-binary many-platforms arm64-only-attested; do
    ref=$REG/corpus/$n:$TESTENV_TAG
    # With the containerd image store the image ID is the digest of what was pulled.
    [ "$(tdocker image inspect --format '{{.Id}}' "$ref" 2>/dev/null)" = "$(registry_digest "corpus/$n" "$TESTENV_TAG")" ] && continue
    if [ "$n" = arm64-only-attested ]; then
      log "docker pull --platform=linux/arm64 $ref"; tdocker pull -q --platform=linux/arm64 "$ref" >/dev/null
    else
      log "docker pull $ref"; tdocker pull -q "$ref" >/dev/null
    fi
  done
}

cmd_seed() {
  engine_up || die "dockerd is not running: run 'testenv start'"
  [ "$(http_code "http://$REG/v2/")" = 200 ] || die "open registry $REG is not up: run 'testenv start'"
  [ "$(http_code "http://$AUTHREG/v2/")" = 401 ] || die "login-only registry $AUTHREG is not up: run 'testenv start'"
  mkdir -p "$BUILD"; : >> "$TESTENV_DIR/seed.log"
  local two="$OCI_INDEX|linux/amd64,linux/arm64" many p
  many=$(for p in linux/amd64 linux/arm64 linux/arm/v7 linux/arm/v6 linux/386 linux/ppc64le linux/s390x linux/riscv64; do
           echo "$p"; echo "$ATT"; done | sort | paste -sd,)
  ensure testenv/busybox 1.35 "$DOCKER_LIST|linux/amd64,linux/arm64" build_base   # --provenance=false: docker media types
  ensure corpus/good "$TESTENV_TAG" "$two,$ATT,$ATT" build_corpus good --platform=linux/amd64,linux/arm64
  ensure corpus/amd64-only "$TESTENV_TAG" "application/vnd.docker.distribution.manifest.v2+json|" \
    build_corpus amd64-only --platform=linux/amd64 --provenance=false
  ensure corpus/arm64-only-attested "$TESTENV_TAG" "$OCI_INDEX|linux/arm64,$ATT" \
    build_corpus arm64-only-attested --platform=linux/arm64 --provenance=mode=min
  ensure corpus/legacy-list "$TESTENV_TAG" "$DOCKER_LIST|linux/amd64,linux/arm64" \
    build_legacy_list
  ensure corpus/wrong-host-binary "$TESTENV_TAG" "$two,$ATT,$ATT" \
    build_corpus wrong-host-binary --platform=linux/amd64,linux/arm64
  ensure corpus/many-platforms "$TESTENV_TAG" "$OCI_INDEX|$many" build_corpus many-platforms \
    --platform=linux/amd64,linux/arm64,linux/arm/v7,linux/arm/v6,linux/386,linux/ppc64le,linux/s390x,linux/riscv64
  seed_windows_entry
  seed_private
  seed_deep
  seed_local_only
  log "Node stand-in image: $(ensure_node_image)"
  seed_engine_state
  log "seeded: $(tdocker image ls -q --filter label=com.docker.desktop.extension.api.version | wc -l) extension images in the engine"
  seed_engine28
  log "seeded: $(tdocker28 image ls -q --filter label=com.docker.desktop.extension.api.version | wc -l) extension images in engine 28"
}
