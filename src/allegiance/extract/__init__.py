"""Text to claims with evidence spans: the extractor interface and its rule backend.

``RuleExtractor().extract(doc)`` returns :class:`allegiance.model.Claim` objects, each
with exactly one :class:`allegiance.model.Evidence` whose span is the sentence that
states it (``doc.text[e.start:e.end] == e.text``). A claim stated in several
sentences comes once per sentence; the store merges them by identity.
"""

from __future__ import annotations

from allegiance.extract.extractor import RuleExtractor, default_extractor
from allegiance.extract.protocol import CatalogueLike, Extractor, GazetteerLike

__all__ = ["CatalogueLike", "Extractor", "GazetteerLike", "RuleExtractor", "default_extractor"]
