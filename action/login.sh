#!/usr/bin/env bash
# The login step: with username and password, a docker config of its own (DOCKER_CONFIG for the check
# step only) holding the login for each registry, merged over the existing one. The password is masked
# for the log first, and reaches node through the environment only: never an argument, never printed.
set -euo pipefail
if [ -z "${ARCHMATRIX_USERNAME}${ARCHMATRIX_PASSWORD}" ]; then
  exit 0
fi
if [ -n "${ARCHMATRIX_PASSWORD}" ]; then
  # A workflow command the runner consumes: later output has the value replaced by ***.
  printf '::add-mask::%s\n' "${ARCHMATRIX_PASSWORD}"
fi
if [ -z "${ARCHMATRIX_USERNAME}" ] || [ -z "${ARCHMATRIX_PASSWORD}" ]; then
  echo "::error title=Arch Matrix::username and password go together: give both, or neither"
  exit 2
fi
dir="$(node "$GITHUB_ACTION_PATH/action/login.mjs")"
echo "docker-config=${dir}" >> "$GITHUB_OUTPUT"
