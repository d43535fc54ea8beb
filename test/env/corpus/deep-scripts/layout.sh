# deep-scripts: host "binaries" that are scripts (CPU-neutral): sh, .cmd, .ps1.
meta
own helper.sh darwin/helper.sh
own helper.sh linux/helper.sh
own helper.cmd windows/helper.cmd
own helper.ps1 windows/helper.ps1
