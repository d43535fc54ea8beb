# Arch Matrix: build, install, validate and publish the Docker Desktop extension image.
# Every setting can be overridden on the command line, e.g.
#   make push-extension IMAGE=registry.example.com/me/arch-matrix TAG=0.2.0 BUILD_ARGS="--network=host"

IMAGE ?= archmatrix/arch-matrix
# Default tag: the version in package.json (Docker's validator wants a semver tag).
TAG ?= $(shell sed -n 's/^  "version": "\([^"]*\)",*$$/\1/p' package.json)
# The builder of prepare-buildx and push-extension. A docker-container builder builds both
# platforms on any engine; BUILDER=default uses the engine's own builder (containerd image store).
BUILDER ?= buildx-multi-arch
# Extra flags for docker buildx build (e.g. --build-context, --network, --provenance).
BUILD_ARGS ?=
DEV_PORT ?= 5173
DEV_URL ?= http://127.0.0.1:$(DEV_PORT)

INFO_COLOR = \033[0;36m
NO_COLOR   = \033[m

.DEFAULT_GOAL := help
.PHONY: help build-extension install-extension update-extension validate-extension prepare-buildx push-extension dev dev-reset test

build-extension: ## Build the extension image for this machine's platform as $(IMAGE):$(TAG)
	docker buildx build --load --tag=$(IMAGE):$(TAG) $(BUILD_ARGS) .

install-extension: build-extension ## Build, then install the extension into Docker Desktop
	docker extension install $(IMAGE):$(TAG)

update-extension: build-extension ## Build, then replace the installed extension with the new image
	docker extension update $(IMAGE):$(TAG)

validate-extension: ## Check labels, metadata.json and platforms of $(IMAGE):$(TAG) with docker extension validate
	docker extension validate $(IMAGE):$(TAG)

prepare-buildx: ## Create the multi-platform builder $(BUILDER) unless it exists
	docker buildx inspect $(BUILDER) >/dev/null 2>&1 || docker buildx create --name=$(BUILDER) --driver=docker-container --driver-opt=network=host

push-extension: prepare-buildx ## Build for linux/amd64 and linux/arm64 and push $(IMAGE):$(TAG); refuses an existing tag
	@ref='$(IMAGE):$(TAG)'; \
	if out=$$(docker buildx imagetools inspect "$$ref" 2>&1); then \
	  echo "push-extension: $$ref already exists; refusing to overwrite it. Choose another TAG (e.g. make push-extension TAG=x.y.z)." >&2; \
	  exit 1; \
	fi; \
	case "$$out" in \
	  *"not found"*|*"manifest unknown"*|*"repository does not exist"*) echo "push-extension: $$ref is not in the registry yet: building and pushing it" ;; \
	  *) echo "push-extension: cannot tell whether $$ref exists, not pushing: $$out" >&2; exit 1 ;; \
	esac
	docker buildx build --push --builder=$(BUILDER) --platform=linux/amd64,linux/arm64 --tag=$(IMAGE):$(TAG) $(BUILD_ARGS) .

dev: ## Serve the UI with hot reload and point the installed extension at it (undo: make dev-reset)
	docker extension dev ui-source $(IMAGE):$(TAG) $(DEV_URL)
	npm run dev -- --port=$(DEV_PORT) --strictPort

dev-reset: ## Make the installed extension load its UI from the image again
	docker extension dev reset $(IMAGE):$(TAG)

test: ## Run the whole test suite (brings the test environment up first)
	npm test

help: ## Show this help
	@echo "Targets (override IMAGE, TAG, BUILDER, BUILD_ARGS on the command line):"
	@grep -E '^[0-9a-zA-Z_-]+:.*?## .*$$' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "$(INFO_COLOR)%-20s$(NO_COLOR) %s\n", $$1, $$2}'
	@echo "Now: IMAGE=$(IMAGE) TAG=$(TAG) BUILDER=$(BUILDER)"
