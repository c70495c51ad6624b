"""A cache of raw responses: one folder, a body file and a JSON sidecar of headers per URL."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class CachedResponse:
    """The bytes a URL answered, with what is needed to revalidate them."""

    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""
    final_url: str = ""

    @property
    def etag(self) -> str | None:
        """The ETag validator, if the server sent one."""
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        """The Last-Modified validator, if the server sent one."""
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        """The media type the server declared, without parameters."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class ResponseCache:
    """Raw responses under a folder, keyed by the SHA-256 of the URL; re-parsing never refetches."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode()).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def get(self, url: str) -> CachedResponse | None:
        """The cached answer for `url`, or None (a half-written entry counts as none)."""
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("sha256") != hashlib.sha256(body).hexdigest():
            return None
        meta.pop("sha256", None)
        return CachedResponse(body=body, **meta)

    def put(self, response: CachedResponse) -> None:
        """Store an answer; the sidecar goes last: a crash leaves no entry, not a bad one."""
        body_path, meta_path = self._paths(response.url)
        body_path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(body_path, response.body)
        meta = {k: v for k, v in asdict(response).items() if k != "body"}
        meta["sha256"] = hashlib.sha256(response.body).hexdigest()
        _write_atomic(meta_path, json.dumps(meta, indent=1, sort_keys=True).encode())


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
