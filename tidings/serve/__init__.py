"""``tidings serve``: an HTTP API and an offline dashboard over the event store (docs/serve.md)."""
