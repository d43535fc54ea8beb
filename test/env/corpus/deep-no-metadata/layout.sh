# deep-no-metadata: no /metadata.json at all; binaries present.
esbuild darwin "$ARCH" darwin/esbuild
esbuild linux "$ARCH" linux/esbuild
