# shellcheck shell=bash
# `testenv seed`, deep corpus: extension images whose platform variants hold host binaries, backends
# and metadata worth checking by the deep check. One template Dockerfile (corpus/deep-template) and one folder
# per image (corpus/deep-<name>: layout.sh, metadata.json, extras). Pushed to the registries only:
# $REG/deep/<name>:$TESTENV_TAG (linux/amd64 + linux/arm64) and a private copy on $AUTHREG. The
# engine's image store keeps none of them (other tests list the engine's extension images).
# Kept when already pushed from the same sources: the index carries the sources' hash as the
# annotation $DEEP_RECIPE_KEY, so an edited folder is rebuilt, an unchanged one costs one GET.

DEEP_RECIPE_KEY=org.archmatrix.testenv.recipe
DEEP_BIG_BASE=$REG/testenv/big-base:1.0.0   # ~30 MiB incompressible bottom layer (deep-big-base)

# name | folder (corpus/deep-<folder>) | how it is built | description (the image's label)
DEEP_CORPUS=(
  "good|good|default|Right host binaries per CPU for darwin, windows and linux"
  "page-pattern|page-pattern|default|Docker's page pattern: Windows binary only in linux/amd64"
  "darwin-x64-both|darwin-x64-both|default|x86_64 macOS binary in both variants"
  "universal|universal|default|Universal (x86_64 + arm64) Mach-O under /darwin"
  "missing-in-arm64|missing-in-arm64|default|/darwin/esbuild listed but missing from linux/arm64"
  "whiteout|whiteout|whiteout|Binaries deleted by .wh. and opaque whiteouts in an upper layer"
  "scripts|scripts|default|Host binaries that are scripts (sh, cmd, ps1)"
  "wrong-elf|wrong-elf|default|/linux binary of the other CPU in each variant"
  "wrong-pe|wrong-pe|default|arm64 Windows PE in the linux/amd64 variant"
  "both-cpus|both-cpus|default|Both macOS CPUs in every variant, picked at run time"
  "compose-backend|compose-backend|default|Compose backend with an amd64-only service image"
  "vm-self|vm-self|default|vm.image is the extension image itself"
  "zstd|good|zstd|deep-good with zstd-compressed layers"
  "big-base|good|big-base|deep-good on a 30 MiB incompressible base layer"
  "bad-metadata|bad-metadata|default|metadata.json that is not JSON"
  "no-metadata|no-metadata|default|No /metadata.json"
  "odd-paths|odd-paths|default|metadata.json lists ../x, relative/x, a directory and a symlink"
)
DEEP_PRIVATE=darwin-x64-both   # copied to $AUTHREG/deep/<this>:$TESTENV_TAG

deep_recipe() {   # folder, how: hash of everything the image is built from
  { printf '%s\n' "$2" "$TESTENV_ESBUILD_VERSION" "$TESTENV_FSEVENTS_VERSION"
    [ "$2" = whiteout ] && declare -f seed_deep_whiteout_layer
    (cd "$CORPUS" && find deep-template "deep-$1" -type f ! -name README.md | LC_ALL=C sort | xargs sha256sum)
  } | sha256sum | cut -c1-16
}

deep_state() {   # repository, tag: "<media type>|<sorted platforms>|<recipe annotation>" (one GET)
  curl -s -H "Accept: $OCI_INDEX" "http://$REG/v2/$1/manifests/$2" \
    | jq -r --arg k "$DEEP_RECIPE_KEY" '(.mediaType // "none") + "|"
        + ([.manifests[]? | .platform | .os + "/" + .architecture + (if .variant then "/" + .variant else "" end)] | sort | join(","))
        + "|" + (.annotations[$k] // "none")' 2>/dev/null \
    || echo "unreadable||"
}

build_deep() {   # name folder how description recipe
  local name=$1 folder=$2 how=$3 desc=$4 recipe=$5 ref=$REG/deep/$1:$TESTENV_TAG out
  local args=(--platform=linux/amd64,linux/arm64 "--build-arg=TESTENV_REGISTRY=$REG"
              "--build-arg=NAME=$name" "--build-arg=DESCRIPTION=$desc"
              "--build-context=hostbin=$CONTENT/hostbin" "--build-context=variant=$CORPUS/deep-$folder"
              "--annotation=index:$DEEP_RECIPE_KEY=$recipe")
  out="type=image,name=$ref,push=true,oci-mediatypes=true"
  case $how in
    zstd)     out="$out,compression=zstd,force-compression=true" ;;
    big-base) args+=("--build-arg=BASE_IMAGE=$DEEP_BIG_BASE") ;;
    whiteout) args+=(--provenance=false) ;;
  esac
  # bx sets SEED_BUILT, which makes seed_engine_state drop and re-pull the pulled corpus; the deep
  # images are removed from the engine here instead (seed_deep), so leave the flag as it was.
  local built_before=$SEED_BUILT
  bx "${args[@]}" "--output=$out" "$CORPUS/deep-template" || { SEED_BUILT=$built_before; return 1; }
  SEED_BUILT=$built_before
  [ "$how" != whiteout ] || seed_deep_whiteout_layer "deep/$name" "$TESTENV_TAG"
}

# The big base: FROM scratch + one ~30 MiB file of AES-CTR keystream (incompressible, the same bytes
# on every machine), linux/amd64 + linux/arm64 sharing that one layer.
build_big_base() {
  local c=$BUILD/big-base
  rm -rf "$c"; mkdir -p "$c"
  head -c $((30 * 1024 * 1024)) /dev/zero \
    | openssl enc -aes-128-ctr -K 000102030405060708090a0b0c0d0e0f -iv 00000000000000000000000000000000 > "$c/big.bin"
  printf '# Arch Matrix test environment: a ~30 MiB incompressible bottom layer, no RUN.\nFROM scratch\nCOPY big.bin /opt/big-base/big.bin\n' > "$c/Dockerfile"
  local built_before=$SEED_BUILT rc=0
  bx --platform=linux/amd64,linux/arm64 --provenance=false --push --tag="$DEEP_BIG_BASE" "$c" || rc=$?
  SEED_BUILT=$built_before
  return $rc
}

# deep-whiteout's upper layer, appended to each variant through the registry API (BuildKit cannot
# write a whiteout without a RUN in the target platform's stage, and there is no qemu here):
# darwin/.wh.esbuild, linux/.wh..wh..opq and the variant's own linux/esbuild. Then a new index.
seed_deep_whiteout_layer() {   # repository, tag
  local repo=$1 tag=$2 w=$BUILD/deep-whiteout index_url="http://$REG/v2/$1/manifests/$2"
  local mt=application/vnd.oci.image.manifest.v1+json arch dg l
  rm -rf "$w"; mkdir -p "$w"
  curl -fsS -H "Accept: $OCI_INDEX" "$index_url" > "$w/index.json"
  cp "$w/index.json" "$w/index.new.json"
  for arch in amd64 arm64; do
    dg=$(jq -r --arg a "$arch" '.manifests[] | select(.platform.os == "linux" and .platform.architecture == $a) | .digest' "$w/index.json")
    [ -n "$dg" ] || die "$REG/$repo:$tag has no linux/$arch manifest"
    l=$w/$arch; mkdir -p "$l/layer/darwin" "$l/layer/linux"
    : > "$l/layer/darwin/.wh.esbuild"; : > "$l/layer/linux/.wh..wh..opq"
    install -m 0755 "$CONTENT/hostbin/linux/$arch/esbuild" "$l/layer/linux/esbuild"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$l/layer" -cf "$l/layer.tar" darwin linux
    gzip -n -c "$l/layer.tar" > "$l/layer.tar.gz"
    curl -fsS -H "Accept: $mt" "http://$REG/v2/$repo/manifests/$dg" > "$l/manifest.json"
    curl -fsS "http://$REG/v2/$repo/blobs/$(jq -r .config.digest "$l/manifest.json")" \
      | jq -c --arg d "sha256:$(sha256sum "$l/layer.tar" | cut -d' ' -f1)" '
          .rootfs.diff_ids += [$d]
          | .history += [{created: "2024-01-09T00:00:00Z", created_by: "archmatrix testenv: whiteout layer (.wh.esbuild, .wh..wh..opq)"}]' > "$l/config.json"
    local cfg_dg layer_dg m_dg
    cfg_dg=$(put_blob "$repo" "$l/config.json")
    layer_dg=$(put_blob "$repo" "$l/layer.tar.gz")
    jq -c --arg c "$cfg_dg" --argjson cs "$(stat -c %s "$l/config.json")" \
          --arg l "$layer_dg" --argjson ls "$(stat -c %s "$l/layer.tar.gz")" '
        .config.digest = $c | .config.size = $cs
        | .layers += [{mediaType: "application/vnd.oci.image.layer.v1.tar+gzip", digest: $l, size: $ls}]' \
        "$l/manifest.json" > "$l/manifest.new.json"
    m_dg=sha256:$(sha256sum "$l/manifest.new.json" | cut -d' ' -f1)
    curl -fsS -o /dev/null -X PUT -H "Content-Type: $mt" --data-binary "@$l/manifest.new.json" \
      "http://$REG/v2/$repo/manifests/$m_dg"
    jq -c --arg old "$dg" --arg new "$m_dg" --argjson s "$(stat -c %s "$l/manifest.new.json")" '
        .manifests |= map(if .digest == $old then .digest = $new | .size = $s else . end)' \
        "$w/index.new.json" > "$w/index.tmp.json"
    mv "$w/index.tmp.json" "$w/index.new.json"
  done
  curl -fsS -o /dev/null -X PUT -H "Content-Type: $OCI_INDEX" --data-binary "@$w/index.new.json" "$index_url"
}

seed_deep() {
  local t0=$SECONDS built=0 entry name folder how desc recipe want
  [ -x "$CONTENT/hostbin/windows/arm64/esbuild.exe" ] && [ -s "$CONTENT/hostbin/darwin/universal/fsevents.node" ] \
    || die "the deep corpus needs binaries that this environment's setup predates: run 'testenv setup' (root) first"
  ensure testenv/big-base 1.0.0 "$DOCKER_LIST|linux/amd64,linux/arm64" build_big_base
  for entry in "${DEEP_CORPUS[@]}"; do
    IFS='|' read -r name folder how desc <<< "$entry"
    recipe=$(deep_recipe "$folder" "$how")
    if [ "$how" = whiteout ]; then want="$OCI_INDEX|linux/amd64,linux/arm64|$recipe"
    else want="$OCI_INDEX|linux/amd64,linux/arm64,$ATT,$ATT|$recipe"; fi
    if [ "$TESTENV_RESEED" != 1 ] && [ "$(deep_state "deep/$name" "$TESTENV_TAG")" = "$want" ]; then continue; fi
    local attempt ok=0
    for attempt in 1 2 3; do
      if build_deep "$name" "$folder" "$how" "$desc" "$recipe" && [ "$(deep_state "deep/$name" "$TESTENV_TAG")" = "$want" ]; then ok=1; break; fi
      log "$REG/deep/$name:$TESTENV_TAG holds '$(deep_state "deep/$name" "$TESTENV_TAG")', expected '$want' (attempt $attempt)"
    done
    [ $ok = 1 ] || { tail -n 40 "$TESTENV_DIR/seed.log" >&2; die "could not seed $REG/deep/$name:$TESTENV_TAG (log: $TESTENV_DIR/seed.log)"; }
    tdocker image rm "$REG/deep/$name:$TESTENV_TAG" >/dev/null 2>&1 || true   # registry only
    built=$((built + 1))
  done
  [ $built = 0 ] || tdocker image rm "$DEEP_BIG_BASE" >/dev/null 2>&1 || true
  copy_to_auth "deep/$DEEP_PRIVATE"
  [ $built = 0 ] || log "deep corpus: built $built image(s) in $((SECONDS - t0)) s"
}
