"""What readers produce: an article's input fields, or the reason an input could not be read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import TacitusError
from ..ids import article_id


@dataclass
class Item:
    text: str
    input: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    problems: list[dict] = field(default_factory=list)
    admitted: bool = field(default=False, repr=False, compare=False)  # checked and cleaned (tacitus.door)

    def key(self) -> str:
        """The article id: the input's own id, else a content hash of title and text."""
        if self.id:
            return str(self.id)
        return article_id(self.title, self.text)


@dataclass
class Failure:
    input: str
    error: TacitusError
    id: str | None = None
