"""spaCy model loading and the Doc/Span extension attributes, declared in one place."""
