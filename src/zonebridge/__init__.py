"""ZoneBridge: the platform sister innovation zones use to run their partnership."""
