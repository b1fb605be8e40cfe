"""allegiance: who arms whom, who sides with whom, and which alignments don't add up."""

from __future__ import annotations

__version__ = "0.1.0"
