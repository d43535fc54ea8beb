# deep-whiteout, lower layers. `testenv seed` then appends one hand-made layer per variant
# (seed_deep_whiteout_layer in lib/seed-deep.sh) holding:
#   darwin/.wh.esbuild       deletes /darwin/esbuild            -> missing in both variants
#   linux/.wh..wh..opq       hides everything below in /linux   -> /linux/esbuild-helper missing
#   linux/esbuild            the RIGHT CPU's esbuild, on top of the wrong one below -> ok
meta
esbuild darwin "$ARCH" darwin/esbuild
esbuild linux "$OTHER" linux/esbuild
esbuild linux "$ARCH" linux/esbuild-helper
