#!/bin/sh
# Records the few real docker outputs the tests need that test/data/fixtures lacks (loaded with
# loadRecording from test/support/recordings.ts).
# Run with DOCKER_HOST / DOCKER_CONFIG pointing at an engine with the seeded corpus (the project's
# test environment or an equivalent), from this directory: ./record.sh
# REG is the corpus registry the fixtures name (the recording rig's 127.0.0.1:5000).
# Each file: {tool, argv, exitCode, stdout, stderr, how} like test/data/fixtures.
set -u
REG=${REG:-127.0.0.1:5000}
empty_config=$(mktemp -d)
trap 'rm -rf "$empty_config"' EXIT

record() { # record NAME HOW -- docker args...
  name=$1 how=$2; shift 3
  out=$(mktemp) err=$(mktemp)
  docker "$@" >"$out" 2>"$err"; code=$?
  tool="docker $(docker version --format '{{.Client.Version}}' 2>/dev/null)"
  node -e '
    const fs = require("node:fs");
    const [file, tool, how, code, out, err, ...argv] = process.argv.slice(1);
    const data = { tool, argv, exitCode: Number(code), stdout: fs.readFileSync(out, "utf8"), stderr: fs.readFileSync(err, "utf8"), how };
    fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  ' "$name.json" "$tool" "$how" "$code" "$out" "$err" "$@"
  rm -f "$out" "$err"
  echo "$name: exit $code"
}

record local-only.imagetools-raw 'docker.io is not reachable from the test machine (DNS fails): what a local-only image name gives' -- \
  buildx imagetools inspect docker.io/local/dev-extension:latest --raw
record local-only.manifest-inspect 'docker.io is not reachable from the test machine (DNS fails)' -- \
  manifest inspect docker.io/local/dev-extension:latest
(DOCKER_CONFIG=$empty_config record buildx-missing.buildx-version 'DOCKER_CONFIG without cli-plugins and no system buildx plugin' -- \
  buildx version)
(DOCKER_CONFIG=$empty_config record buildx-missing.imagetools-raw 'DOCKER_CONFIG without cli-plugins and no system buildx plugin' -- \
  buildx imagetools inspect "$REG/corpus/good:1.0.0" --raw)
record engine.image-inspect.missing 'an image the engine does not hold' -- \
  image inspect 127.0.0.1:5999/corpus/good:1.0.0
(DOCKER_HOST=unix:///nonexistent/docker.sock record engine-unreachable.version 'DOCKER_HOST pointing at a socket that does not exist' -- \
  version --format=json)
(DOCKER_HOST=unix:///nonexistent/docker.sock record engine-unreachable.image-ls 'DOCKER_HOST pointing at a socket that does not exist' -- \
  image ls --filter=label=com.docker.desktop.extension.api.version --format=json)
# One platform's image manifest, pinned by digest (what the details read for each platform's size).
# (Recorded on the test environment: REG=127.0.0.1:5100.)
amd64_digest=$(docker buildx imagetools inspect "$REG/corpus/good:1.0.0" --raw |
  node -e 'const d = JSON.parse(require("node:fs").readFileSync(0, "utf8")); process.stdout.write(d.manifests.find((m) => m.platform?.architecture === "amd64").digest)')
record platform-manifest.imagetools-raw 'the linux/amd64 image manifest of corpus/good, by digest' -- \
  buildx imagetools inspect "$REG/corpus/good@$amd64_digest" --raw
record platform-manifest.manifest-inspect 'the same manifest through docker manifest inspect (buildx missing)' -- \
  manifest inspect --insecure "$REG/corpus/good@$amd64_digest"
record platform-manifest-unknown.imagetools-raw 'a digest the repository does not hold' -- \
  buildx imagetools inspect "$REG/corpus/good@sha256:0000000000000000000000000000000000000000000000000000000000000000" --raw
