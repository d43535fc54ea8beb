# deep-darwin-x64-both: DELIBERATE BUG: the x86_64 macOS build in both variants (a hard-coded amd64
# download URL); linux and windows are right.
meta
esbuild darwin amd64 darwin/esbuild
esbuild linux "$ARCH" linux/esbuild
if [ "$ARCH" = amd64 ]; then esbuild windows amd64 windows/esbuild.exe; fi
