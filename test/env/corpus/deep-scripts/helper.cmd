@echo off
rem deep-scripts host helper: CPU-neutral.
docker %*
