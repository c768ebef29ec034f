"""Serving: the CLI and the views over the store it shows."""
