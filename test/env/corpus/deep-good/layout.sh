# deep-good (also the files of deep-zstd and deep-big-base): the right esbuild per CPU for every OS,
# Windows included in both variants (win32-arm64 in linux/arm64).
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild windows "$ARCH" windows/esbuild.exe
esbuild linux "$ARCH" linux/esbuild
