# Arch Matrix: the Docker Desktop extension image: metadata.json, docker.svg, the UI (ui/) and the
# backend (a Node service on a Unix socket, started by CMD in Docker Desktop's VM; see src/backend).
# metadata.json names docker-compose.yaml (`vm.composefile`): Docker Desktop runs the backend from it,
# this image with the VM engine's socket mounted read-only at /var/run/docker.sock.raw.
# Built for linux/amd64 and linux/arm64 by `make push-extension`, without emulation:
#
# - The `build` and `backend-deps` stages run on the BUILD platform only ($BUILDPLATFORM): the UI is
#   plain HTML/JS and the backend plain JavaScript, the same for every target, so they are built once.
#   The backend's production node_modules are installed there too: they must stay pure JavaScript
#   (no native addons), or the arm64 variant would get amd64 code (the packaging test checks this).
# - The final stage is the image itself, for every target platform: a Node runtime of that CPU
#   (node:22-alpine) plus COPY, LABEL and CMD only, no RUN. It also carries the `archmatrix` CLI
#   (image/archmatrix, a wrapper that execs node on /backend/dist/cli/main.js).

FROM --platform=$BUILDPLATFORM node:22-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.base.json tsconfig.node.json vite.config.ts ./
COPY src ./src
COPY ui ./ui
RUN npm run build:ui && npm run build:node

FROM --platform=$BUILDPLATFORM node:22-alpine AS backend-deps
WORKDIR /backend
COPY package.json package-lock.json ./
# tar-stream depends on bare-fs and its bare-* family (about 7 MB) for the Bare runtime only: under Node its
# package.json import maps load Node's own fs and events, so the image leaves them out (the packaged backend
# tests read layers with tar-stream from this image).
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/bare-*

FROM node:22-alpine
LABEL org.opencontainers.image.title="Arch Matrix" \
      org.opencontainers.image.description="See which CPU architectures every installed extension supports, inside each image too (host binaries, backends), and what to fix before it fails on Apple silicon or Intel." \
      org.opencontainers.image.vendor="Arch Matrix" \
      org.opencontainers.image.source="https://github.com/archmatrix/arch-matrix" \
      org.opencontainers.image.licenses="Apache-2.0" \
      com.docker.desktop.extension.api.version=">= 0.3.4" \
      com.docker.desktop.extension.icon="https://raw.githubusercontent.com/archmatrix/arch-matrix/main/docker.svg" \
      com.docker.extension.screenshots="[{\"alt\":\"The architecture matrix at Docker Desktop's pane width: every installed extension against linux/amd64 and linux/arm64, a verdict per extension (light theme)\",\"url\":\"https://raw.githubusercontent.com/archmatrix/arch-matrix/main/docs/screenshots/matrix-1000-light.png\"},{\"alt\":\"The architecture matrix in the dark theme\",\"url\":\"https://raw.githubusercontent.com/archmatrix/arch-matrix/main/docs/screenshots/matrix-1000-dark.png\"},{\"alt\":\"Details of one extension: its platforms with digests and sizes, attestations, the label audit and the command that fixes it\",\"url\":\"https://raw.githubusercontent.com/archmatrix/arch-matrix/main/docs/screenshots/details-1000-light.png\"},{\"alt\":\"The deep check: a host binary built for the wrong CPU, shown per OS and variant, with the fix\",\"url\":\"https://raw.githubusercontent.com/archmatrix/arch-matrix/main/docs/screenshots/deep-light.png\"}]" \
      com.docker.extension.detailed-description="<p>Arch Matrix lists the Docker Desktop extensions installed on this machine, asks the registry which platforms each image was published for (<code>docker buildx imagetools inspect</code>) and shows the answer as a matrix: extensions against <code>linux/amd64</code>, <code>linux/arm64</code> and any other platform found.</p><p>Each extension gets a verdict: <b>ready</b> (both platforms), <b>missing platforms</b>, <b>incompatible</b> with this machine, <b>local only</b> (never pushed), or the registry's answer when it cannot tell (login needed, not found, unreachable). Every verdict says why and what to run to fix it, such as the <code>docker buildx build --platform=linux/amd64,linux/arm64 --push</code> command.</p><p>The <b>deep check</b> reads inside each extension: this machine's variant straight from Docker Desktop's own image store (nothing downloaded), the other variants from the registry when you ask (their size said first). It finds the host binaries <code>metadata.json</code> lists (an x86_64 macOS binary in the arm64 variant is <b>wrong host binary</b>) and the backend images it runs (<b>backend missing platforms</b>). It runs in the extension's own <b>backend</b>, a small service in Docker Desktop's VM that only reads: a fixed list of read-only Engine API calls and registry GET requests (public images anonymously); it runs no commands. For the other variants of a private image it gives the <code>archmatrix --deep</code> command to run on the host instead.</p><p>Provenance and SBOM attestations are recognised and never counted as platforms. Arch Matrix only reads: its docker commands are read-only and it changes nothing. The same checks run in CI with the <code>archmatrix</code> command line and its GitHub Action (SARIF, job summaries, docker extension validate's rules).</p>" \
      com.docker.extension.publisher-url="https://github.com/archmatrix/arch-matrix" \
      com.docker.extension.additional-urls="[{\"title\":\"Documentation\",\"url\":\"https://github.com/archmatrix/arch-matrix#readme\"},{\"title\":\"Issues\",\"url\":\"https://github.com/archmatrix/arch-matrix/issues\"},{\"title\":\"Source code\",\"url\":\"https://github.com/archmatrix/arch-matrix\"}]" \
      com.docker.extension.changelog="<p>0.1.0</p><ul><li>The architecture matrix of installed extensions, a verdict and a fix per extension, attestations recognised.</li><li>The deep check: host binaries per OS and CPU in every variant, and backend images, this machine's variant read from Docker Desktop's image store with no download, the others from the registry on request, by the extension's backend (a read-only service in Docker Desktop's VM).</li><li>The <code>archmatrix</code> command line for CI: <code>--deep</code>, <code>--validate</code> (docker extension validate's rules), SARIF, markdown and JSON reports; a GitHub Action; also runnable from this image.</li></ul>" \
      com.docker.extension.categories="utility-tools"
COPY metadata.json docker.svg docker-compose.yaml /
COPY --from=build /app/dist/ui /ui
COPY package.json /backend/package.json
COPY --from=backend-deps /backend/node_modules /backend/node_modules
COPY --from=build /app/dist/node /backend/dist
# `docker run --rm IMAGE archmatrix ...`: the CLI, from the same compiled code (a COPY: no RUN here).
COPY --chmod=0755 image/archmatrix /usr/local/bin/archmatrix
CMD ["node", "/backend/dist/backend/main.js"]
