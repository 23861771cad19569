"""Frozen dataclasses that are quick to make: `@frozen` is `@dataclass(frozen=True)` with a faster
`__init__`.

A frozen dataclass's own `__init__` sets each field through `object.__setattr__` (its
`__setattr__` refuses assignment), a call per field that makes it about three times as slow to
build as a plain one; the stages build hundreds of records, candidates and layer values per
article. The `__init__` made here writes the fields into the instance's `__dict__`, which is what
`object.__setattr__` does for a class without slots, so the instances are the same: equal, hashed,
compared and refused assignment as before, and `dataclasses.fields` and `replace` work on them. A
class this cannot serve (a `__post_init__`, a default factory, a field left out of `__init__`,
slots) keeps the dataclass's `__init__`."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def frozen(cls: type[T]) -> type[T]:
    """The class as a frozen dataclass, with the fast `__init__` where it can have one."""
    own = "__init__" in cls.__dict__  # a class's own __init__ is kept, as the dataclass keeps it
    cls = dataclasses.dataclass(frozen=True)(cls)
    init = None if own else _fast_init(cls)
    if init is not None:
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        cls.__init__ = init  # type: ignore[misc]
    return cls


def _fast_init(cls: type) -> Any:
    """An `__init__` with the dataclass's signature that fills `__dict__`, or None if the class
    needs the dataclass's own."""
    fields = dataclasses.fields(cls)
    if (hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__
            or len(cls.__dataclass_fields__) != len(fields)  # an InitVar or ClassVar pseudo-field
            or any(not f.init or f.default_factory is not dataclasses.MISSING for f in fields)):
        return None
    scope: dict[str, Any] = {}
    positional, keyword = [], []
    for f in fields:
        if f.default is dataclasses.MISSING:
            param = f.name
        else:
            scope[f"_dflt_{f.name}"] = f.default
            param = f"{f.name}=_dflt_{f.name}"
        (keyword if f.kw_only else positional).append(param)
    params = ["__dataclass_self__", *positional] + (["*", *keyword] if keyword else [])
    body = "".join(f"    __dataclass_dict__[{f.name!r}] = {f.name}\n" for f in fields)
    source = (f"def __init__({', '.join(params)}):\n    __dataclass_dict__ = __dataclass_self__.__dict__\n"
              f"{body or '    pass'}\n")
    exec(source, scope)
    return scope["__init__"]
