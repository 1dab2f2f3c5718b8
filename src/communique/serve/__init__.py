"""Stage serve."""
