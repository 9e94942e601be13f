"""Performance scripts: they print figures and assert nothing."""
