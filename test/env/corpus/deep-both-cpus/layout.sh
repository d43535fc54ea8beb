# deep-both-cpus: both macOS CPUs in every variant, picked at run time (the counterpart rule: ok).
meta
esbuild darwin amd64 darwin/esbuild-x86_64
esbuild darwin arm64 darwin/esbuild-arm64
esbuild linux "$ARCH" linux/esbuild
