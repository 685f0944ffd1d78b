"""Compatibility name for :mod:`tidings.coder` (the coder's stages live there)."""
from tidings.coder import (ALL_MODALITIES, DEFAULT_MODALITIES, MAX_ARTICLE_CHARS, MAX_SENTENCE_TOKENS, Coder,
                           DocumentError, default_coder)

__all__ = ["Coder", "DocumentError", "ALL_MODALITIES", "DEFAULT_MODALITIES", "MAX_ARTICLE_CHARS",
           "MAX_SENTENCE_TOKENS", "default_coder"]
