/** `archmatrix --help`. The defaults shown are the command layer's own. */
import { DEFAULT_TIMEOUT_MS } from '../commands/inspectImage.js';
import { DEFAULT_CONCURRENCY } from '../commands/inspectMany.js';

export const HELP = `Usage: archmatrix [options] [reference...]

Shows which CPU architectures Docker Desktop extension images are published for,
with a verdict per image (ready, missing-platforms, incompatible, ...). The table
lists the worst first, then by name, as the dashboard tab does.

The THIS MACHINE column answers for the machine the CLI runs on (in CI: the
runner's CPU and OS; --host-platform sets the platform): works here, won't install
(this platform is not published), broken here (with --deep: a host binary for this
OS and CPU, or a backend image, fails here), unknown (nobody could tell). --json
rows carry it as thisMachine: {answer, reason}, answer being works,
will-not-install, broken or unknown.

Without references, inspects the extension images installed in the local store
(images labelled com.docker.desktop.extension.api.version). With references,
inspects those images in their registries; every reference is validated first.

Options:
  -r, --require PLATFORMS   comma-separated platforms every image must publish,
                            e.g. linux/amd64,linux/arm64 or, as docker's --platform,
                            amd64,arm64 (an architecture alone is linux's; arm is
                            linux/arm/v7) (exit 1 otherwise)
  -f, --format FORMAT       the report: table (default), json (a JSON array, input
                            order), markdown (for $GITHUB_STEP_SUMMARY and PR comments),
                            sarif (SARIF 2.1.0 for code scanning), github (GitHub
                            Actions annotations: ::error / ::warning lines)
      --json                the same as --format json
  -o, --output [FORMAT=]FILE
                            write the report to FILE (in --format, or in FORMAT, e.g.
                            sarif=out.sarif); the table still goes to stdout. Repeat it
                            for several files. Written whole (temp file, then renamed)
      --fail-on LEVEL       exit 1 when any finding is at LEVEL or above: error,
                            warning, info or never (a verdict's findings have its
                            severity). Without it only --require, and --validate's
                            errors, fail the run
      --validate            also check docker extension validate's rules without Docker
                            Desktop: the required labels and their shapes, /metadata.json
                            against Docker's documented shape (unknown top-level keys
                            such as name or provider are warnings), linux/amd64 and
                            linux/arm64 both pushed, a semver tag (exit 1 on an error)
  -v, --verbose             under each image that could not be inspected, docker's own
                            words (the registry's error); otherwise one line and the fix
      --deep                also read inside each linux variant of every image: the
                            host binaries its /metadata.json lists (darwin, windows,
                            linux: the CPU of each, per variant) and its backend images
                            (vm.image, compose services); adds the verdicts
                            wrong-host-binary and backend-missing-platforms. Reads only
                            /metadata.json, the listed files and the compose file, top
                            layer first. Without references (the installed extensions):
                            this machine's variant only, from the engine's local image
                            store (docker save, read-only; nothing from registries). With
                            references: every variant, over the registry API with your
                            docker login
      --all-variants        with --deep and no references: also read the other variants,
                            from their registries
  -c, --concurrency N       images inspected at once (1-64, default ${DEFAULT_CONCURRENCY})
  -t, --timeout DURATION    per-image timeout, the whole check (--deep too): 30, 30s or 500ms (default ${DEFAULT_TIMEOUT_MS / 1000}s)
      --host-platform P     judge installs against P (default: this machine, e.g. linux/amd64)
      --progress            progress on stderr even when stderr is not a terminal
      --no-progress         no progress, even on a terminal
      --no-color            no colour (also: NO_COLOR=1, or stdout not a terminal)
  -h, --help                this help
  -V, --version             the version

Exit codes:
  0  report produced; with --require, every image publishes every required platform
  1  --require failed: an image lacks a required platform, could not be inspected
     (not found, unauthorized, unreachable, error), or exists only in the local store;
     with --deep also wrong-host-binary or backend-missing-platforms;
     with --fail-on, a finding at that level or above; with --validate, a rule's error
  2  bad usage, an invalid reference (nothing was run), or an --output file that
     cannot be written
  3  no references and docker is not installed, or the engine could not list the
     installed extensions

Platforms are read with \`docker buildx imagetools inspect\` (docker from PATH; DOCKER_HOST,
DOCKER_CONTEXT and DOCKER_CONFIG are honoured); without buildx with \`docker manifest inspect\`;
without the docker CLI at all (e.g. \`docker run IMAGE archmatrix ...\` in the extension's own
image) straight from the registries' HTTP API, with the logins in DOCKER_CONFIG. A fallback
is said on stderr and under the table; markdown and SARIF always say the source.
For speed, buildx commands run docker's buildx plugin binary directly (the one docker
would use); ARCHMATRIX_BUILDX=docker runs them through the docker CLI instead.
Runs read-only commands only. --deep reads registries directly (GET only), with the
logins \`docker login\` stored (config.json auths, credsStore, credHelpers); it writes nothing.
The local image store is read through the engine's Unix socket (DOCKER_HOST unix://..., or
/var/run/docker.sock) with a fixed list of read-only Engine API GETs; a variant the engine does not
hold, or a DOCKER_HOST that is tcp:// or ssh://, is read from its registry instead.
`;
