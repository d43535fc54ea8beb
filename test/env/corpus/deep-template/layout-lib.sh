# shellcheck shell=sh
# Helpers for test/env/corpus/deep-*/layout.sh, sourced in the template's build-platform stage.
# ARCH is the variant's TARGETARCH (amd64 | arm64); OTHER is the other one; REGISTRY the open registry.
case $ARCH in amd64) OTHER=arm64 ;; arm64) OTHER=amd64 ;; *) echo "layout-lib: unexpected ARCH=$ARCH" >&2; exit 1 ;; esac
mkdir -p /out

put() {   # SRC DEST: copy SRC to /out/DEST (folders made as needed)
  mkdir -p "$(dirname "/out/$2")"; cp "$1" "/out/$2"
}
esbuild() {   # OS CPU DEST: the real esbuild of OS (darwin|linux|windows) for CPU at DEST
  case $1 in windows) put "/hostbin/windows/$2/esbuild.exe" "$3" ;; *) put "/hostbin/$1/$2/esbuild" "$3" ;; esac
}
meta() {   # the variant folder's metadata.json at /metadata.json
  put /variant/metadata.json metadata.json
}
own() {   # FILE [DEST]: a file of the variant folder, at DEST (default: the same path)
  put "/variant/$1" "${2:-$1}"
}
