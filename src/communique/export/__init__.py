"""Stage export."""
