"""The frozen-record decorator: instances built by its fast __init__ behave as a frozen dataclass's."""

import dataclasses
import pickle

import pytest

from tacitus.frozen import frozen


@frozen
class Point:
    x: int
    y: int = 0
    label: str | None = dataclasses.field(default=None, compare=False)


@frozen
class Named(Point):
    name: str = "p"


@frozen
class Later:
    items: tuple[int, ...]
    k: int = dataclasses.field(default=1, kw_only=True)


@dataclasses.dataclass(frozen=True)
class Reference:
    x: int
    y: int = 0
    label: str | None = dataclasses.field(default=None, compare=False)


def test_same_instances_as_a_frozen_dataclass():
    for args, kw in (((1,), {}), ((1, 2), {}), ((1,), {"label": "a"}), ((), {"x": 3, "y": 4})):
        a, b = Point(*args, **kw), Reference(*args, **kw)
        assert vars(a) == vars(b)
        assert repr(a).removeprefix("Point") == repr(b).removeprefix("Reference")
    assert Point(1, 2, "a") == Point(1, 2, "b") and hash(Point(1, 2, "a")) == hash(Point(1, 2, "b"))
    assert Point(1) != Point(2)


def test_still_frozen_and_replaceable():
    p = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 5  # type: ignore[misc]
    assert dataclasses.replace(p, y=7) == Point(1, 7)
    assert pickle.loads(pickle.dumps(p)) == p


def test_signature_errors_like_a_dataclass():
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Point(1, 2, "a", 4)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Later((1,), 2)  # type: ignore[misc]  # k is keyword-only
    assert Later((1,), k=2).k == 2 and Later((1,)).k == 1


def test_subclass_takes_inherited_fields():
    n = Named(1, 2, None, "q")
    assert (n.x, n.y, n.label, n.name) == (1, 2, None, "q")
    assert [f.name for f in dataclasses.fields(n)] == ["x", "y", "label", "name"]


def test_classes_it_cannot_serve_keep_the_dataclass_init():
    @frozen
    class WithPost:
        x: int

        def __post_init__(self) -> None:
            object.__setattr__(self, "x", self.x * 2)

    @frozen
    class WithFactory:
        xs: list = dataclasses.field(default_factory=list)

    assert WithPost(2).x == 4
    assert WithFactory().xs == [] and WithFactory().xs is not WithFactory().xs
