# deep-odd-paths: metadata.json lists ../x, relative/x, a directory (/linux/tools, holding the right
# esbuild) and a symlink (/darwin/esbuild-link -> esbuild, the right CPU's Mach-O).
meta
esbuild darwin "$ARCH" darwin/esbuild
ln -s esbuild /out/darwin/esbuild-link
esbuild linux "$ARCH" linux/tools/esbuild
