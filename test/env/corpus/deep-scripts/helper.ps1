# deep-scripts host helper: CPU-neutral.
& docker @args
