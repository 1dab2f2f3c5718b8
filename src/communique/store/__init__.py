"""Stage store."""
