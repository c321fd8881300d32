"""Allow `python -m zonebridge ...` as a synonym of the `zonebridge` console script."""

from zonebridge.cli import main

main()
