# deep-missing-in-arm64: DELIBERATE BUG: /darwin/esbuild is listed but only linux/amd64 holds it.
meta
if [ "$ARCH" = amd64 ]; then esbuild darwin amd64 darwin/esbuild; fi
esbuild windows "$ARCH" windows/esbuild.exe
esbuild linux "$ARCH" linux/esbuild
