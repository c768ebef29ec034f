"""Storage: the embedded SQLite store and exports."""
from marsad.store.sqlite import Store

__all__ = ["Store"]
