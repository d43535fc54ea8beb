# deep-compose-backend: vm.composefile names /docker-compose.yaml; one service is amd64-only.
meta
own docker-compose.yaml
