#!/bin/sh
# deep-scripts host helper: CPU-neutral.
exec docker "$@"
