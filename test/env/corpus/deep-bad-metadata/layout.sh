# deep-bad-metadata: /metadata.json is not JSON; the binaries are right.
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild linux "$ARCH" linux/esbuild
