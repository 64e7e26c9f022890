"""API keys: random, shown once, stored as a digest."""

import hashlib
import secrets

PREFIX_LENGTH = 8


def key_new() -> str:
    return secrets.token_urlsafe(32)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def key_prefix(key: str) -> str:
    return key[:PREFIX_LENGTH]
