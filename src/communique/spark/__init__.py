"""Stage spark."""
