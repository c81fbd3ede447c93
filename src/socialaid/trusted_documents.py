"""The manifest of trusted documents: the only GraphQL documents a server in trusted-documents
mode runs (SOCIALAID_TRUSTED_DOCUMENTS), each under the SHA-256 of its text.

Two formats are read: a JSON object `{"<sha256 hex>": "<document>"}`, and the persisted-query
manifest Apollo's and GraphQL Codegen's tooling write (`{"format":
"apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body", …}]}`). Every
hash is checked against its document when the manifest is read: a wrong one is a configuration
error, not a document that silently never matches. Pure: no framework, no database.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

_SHA256 = re.compile(r"[0-9a-f]{64}")


def document_hash(document: str) -> str:
    """What Automatic Persisted Queries and trusted documents name a document by."""
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def is_document_hash(text: object) -> bool:
    return isinstance(text, str) and _SHA256.fullmatch(text) is not None


def load_manifest(path: Path) -> dict[str, str]:
    """hash -> document, from the manifest at `path`; ValueError saying what is wrong."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ValueError(f"无法读取 / cannot be read: {error.strerror}") from None
    except ValueError as error:
        raise ValueError(f"不是有效的 JSON / is not valid JSON: {error}") from None
    pairs: list[tuple[object, object]]
    if isinstance(content, dict) and content.get("format") == "apollo-persisted-query-manifest":
        operations = content.get("operations")
        if not isinstance(operations, list):
            raise ValueError("operations 应为数组 / operations must be an array")
        pairs = [
            (o.get("id"), o.get("body")) if isinstance(o, dict) else (None, None)
            for o in operations
        ]
    elif isinstance(content, dict):
        pairs = list(content.items())
    else:
        raise ValueError(
            '应为 {"<sha256>": "<文档>"} 形式的对象 / must be an object {"<sha256>": "<document>"}'
        )
    manifest: dict[str, str] = {}
    for key, document in pairs:
        if not isinstance(document, str) or not is_document_hash(key):
            raise ValueError(
                f"条目 {str(key)[:70]!r} 应为小写 SHA-256 十六进制串对应一个文档"
                " / each entry must map a lowercase SHA-256 hex digest to a document"
            )
        if document_hash(document) != key:
            raise ValueError(
                f"条目 {key} 的哈希与其文档不符 / the hash of entry {key} does not match its document"
            )
        manifest[str(key)] = document
    return manifest
