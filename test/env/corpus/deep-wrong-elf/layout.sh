# deep-wrong-elf: DELIBERATE BUG: /linux/esbuild is the OTHER CPU's ELF in each variant.
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild linux "$OTHER" linux/esbuild
if [ "$ARCH" = amd64 ]; then esbuild windows amd64 windows/esbuild.exe; fi
