#!/usr/bin/env bash
# The check step: runs archmatrix once with every report the action needs (JSON for the outputs,
# markdown for the job summary, annotations, and the file asked for), then sets the outputs, writes
# the summary and prints the annotations. Exits as archmatrix does (0 pass, 1 a gate failed, 2 bad input).
set -uo pipefail

# true/false inputs: anything else is bad input (exit 2) naming the valid values.
for pair in "deep=${ARCHMATRIX_DEEP}" "validate=${ARCHMATRIX_VALIDATE}" "summary=${ARCHMATRIX_SUMMARY}" \
  "annotations=${ARCHMATRIX_ANNOTATIONS}"; do
  case "${pair#*=}" in
    true | false) ;;
    *)
      echo "::error title=Arch Matrix::input ${pair%%=*} is not true or false; valid: true, false"
      exit 2
      ;;
  esac
done
deep="${ARCHMATRIX_DEEP}"
validate="${ARCHMATRIX_VALIDATE}"
summary="${ARCHMATRIX_SUMMARY}"
annotations="${ARCHMATRIX_ANNOTATIONS}"

# References: split on spaces, commas and new lines, never globbed (archmatrix validates each one).
refs=()
while IFS= read -r ref; do
  [ -n "$ref" ] && refs+=("$ref")
done < <(printf '%s\n' "${ARCHMATRIX_REFERENCES}" | tr ', \t' '\n\n\n')
if [ "${#refs[@]}" -eq 0 ]; then
  echo "::error title=Arch Matrix::the references input is empty: name at least one image, e.g. me/my-extension:1.2.0"
  exit 2
fi

work="$(mktemp -d "${RUNNER_TEMP:-/tmp}/archmatrix-XXXXXX")"
report="${work}/archmatrix.json"
markdown="${work}/archmatrix.md"
notes="${work}/annotations.txt"
# --format is the format of the output input's file; stdout keeps the table (there are --output files).
args=(--no-progress --no-color --fail-on "${ARCHMATRIX_FAIL_ON}" --format "${ARCHMATRIX_FORMAT}"
  --output "json=${report}" --output "markdown=${markdown}" --output "github=${notes}")
[ -n "${ARCHMATRIX_REQUIRE}" ] && args+=(--require "${ARCHMATRIX_REQUIRE}")
[ "$deep" = true ] && args+=(--deep)
[ "$validate" = true ] && args+=(--validate)
if [ -n "${ARCHMATRIX_OUTPUT}" ]; then
  args+=(--output "${ARCHMATRIX_OUTPUT}")
  echo "output=${ARCHMATRIX_OUTPUT}" >> "$GITHUB_OUTPUT"
fi
if [ -n "${ARCHMATRIX_DOCKER_CONFIG:-}" ]; then
  export DOCKER_CONFIG="${ARCHMATRIX_DOCKER_CONFIG}"
fi

# The table holds text from registries and images: no line of it may act as a workflow command.
token="archmatrix-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "::stop-commands::${token}"
node "$GITHUB_ACTION_PATH/dist/node/cli/main.js" "${args[@]}" -- "${refs[@]}"
code=$?
echo "::${token}::"

if [ -f "$report" ]; then
  echo "report=${report}" >> "$GITHUB_OUTPUT"
  echo "verdict=$(node "$GITHUB_ACTION_PATH/action/verdict.mjs" "$report")" >> "$GITHUB_OUTPUT"
fi
if [ "$summary" = true ] && [ -f "$markdown" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$markdown" >> "$GITHUB_STEP_SUMMARY"
fi
if [ "$annotations" = true ] && [ -f "$notes" ]; then
  cat "$notes"
fi
exit "$code"
