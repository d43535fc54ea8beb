# deep-compose-backend: vm.composefile names /docker-compose.yaml; the worker service is amd64-only.
meta
sed "s#@REGISTRY@#$REGISTRY#g" /variant/docker-compose.yaml > /out/docker-compose.yaml
