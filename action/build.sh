#!/usr/bin/env bash
# The action's first step: the compiled CLI, built from the action's own checkout unless it is there.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ -f dist/node/cli/main.js ]; then
  echo "archmatrix: using the built CLI in dist/node"
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts
npm run build:node
