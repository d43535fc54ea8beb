# deep-page-pattern: Docker's page pattern: per-CPU darwin and linux, Windows only in linux/amd64.
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild linux "$ARCH" linux/esbuild
if [ "$ARCH" = amd64 ]; then esbuild windows amd64 windows/esbuild.exe; fi
