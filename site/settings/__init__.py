"""Settings package: base holds everything, dev/test/production override what differs."""
