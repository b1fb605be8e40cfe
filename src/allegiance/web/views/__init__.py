"""The app's endpoints, one module per noun: conflicts, claims, ingest."""
