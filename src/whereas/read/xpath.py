"""The XPath of each element of an lxml tree, as `getpath` writes it, in linear time."""

from __future__ import annotations

from typing import Any

# libxml2 writes "prefix:name" into a 100-byte buffer: longer names are cut to 98 bytes.
_PREFIXED_NAME_BYTES = 98


class ElementPaths:
    """The paths `tree.getpath(element)` gives, each parent's children named in one pass.

    libxml2's getpath counts an element's like-named siblings on every call, so asking for
    the path of each of n siblings costs n * n; here each parent's children are numbered
    once and every path is kept. The same rules: an element is named "prefix:name", "name"
    without a namespace, "*" in a default namespace (then numbered among all its element
    siblings), with "[n]" only when a like-named sibling exists.
    """

    def __init__(self) -> None:
        # Keyed by the lxml proxies: holding them keeps each node's proxy the same object.
        self._paths: dict[Any, str | None] = {}

    def of(self, element: Any) -> str:
        """The absolute XPath of `element`, equal to `tree.getpath(element)`."""
        if element in self._paths:
            return self._known(element)
        # Climb to the nearest ancestor already named (an explicit loop: trees can be deep).
        unnamed = [element]
        parent = element.getparent()
        while parent is not None and parent not in self._paths:
            unnamed.append(parent)
            parent = parent.getparent()
        if parent is None:
            root = unnamed.pop()
            self._paths[root] = root.getroottree().getpath(root)
            parent = root
        for _ in range(len(unnamed)):
            self._name_children(parent)
            parent = unnamed.pop()
        return self._known(element)

    def _known(self, element: Any) -> str:
        path = self._paths[element]
        # A name cut inside a UTF-8 character: libxml2's own answer (an error, as before).
        return element.getroottree().getpath(element) if path is None else path

    def _name_children(self, parent: Any) -> None:
        prefix = self._known(parent) + "/"
        children = [child for child in parent if isinstance(child.tag, str)]
        keys = [_key(child) for child in children]
        totals: dict[tuple[str | None, str] | None, int] = {}
        for key in keys:
            totals[key] = totals.get(key, 0) + 1
        seen: dict[tuple[str | None, str] | None, int] = {}
        for position, (child, key) in enumerate(zip(children, keys, strict=True), start=1):
            if key is None:
                # In a default namespace the name is "*", numbered among all element siblings.
                self._paths[child] = prefix + ("*" if len(children) == 1 else f"*[{position}]")
                continue
            seen[key] = seen.get(key, 0) + 1
            name = _step_name(key)
            if name is None:
                self._paths[child] = None
            elif totals[key] == 1:
                self._paths[child] = prefix + name
            else:
                self._paths[child] = f"{prefix}{name}[{seen[key]}]"


def _key(element: Any) -> tuple[str | None, str] | None:
    """What libxml2 compares siblings by: (prefix, local name), None in a default namespace."""
    tag: str = element.tag
    if not tag.startswith("{"):
        return None, tag
    prefix: str | None = element.prefix
    if prefix is None:
        return None
    return prefix, tag.rpartition("}")[2]


def _step_name(key: tuple[str | None, str]) -> str | None:
    """The element's name in its path; None when only libxml2 can say (a cut UTF-8 name)."""
    prefix, name = key
    if prefix is None:
        return name
    prefixed = f"{prefix}:{name}"
    if len(prefixed) * 4 <= _PREFIXED_NAME_BYTES:
        return prefixed
    encoded = prefixed.encode()
    if len(encoded) <= _PREFIXED_NAME_BYTES:
        return prefixed
    try:
        return encoded[:_PREFIXED_NAME_BYTES].decode()
    except UnicodeDecodeError:
        return None
