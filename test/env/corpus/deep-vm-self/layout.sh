# deep-vm-self: vm.image is the extension image itself (${DESKTOP_PLUGIN_IMAGE}).
meta
