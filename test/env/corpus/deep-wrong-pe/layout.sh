# deep-wrong-pe: DELIBERATE BUG: the arm64 Windows PE in both variants (wrong in linux/amd64).
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild windows arm64 windows/esbuild.exe
esbuild linux "$ARCH" linux/esbuild
