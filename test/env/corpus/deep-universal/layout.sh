# deep-universal: a universal (x86_64 + arm64) Mach-O, fsevents.node from fsevents, in both variants.
meta
put /hostbin/darwin/universal/fsevents.node darwin/fsevents.node
esbuild linux "$ARCH" linux/esbuild
