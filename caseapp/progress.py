"""Long work in caseapp is a generator that yields Progress and returns its result
(docs/design.md rule 4): the GUI shows it with Cancel, the command line just runs it."""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int | None = None  # None while the total is not known yet
    message: str = ""


Job = Generator[Progress, None, T]


class Cancelled(Exception):
    """Raised inside a job when its caller asked it to stop; nothing was written."""


def run(job: Job[T], on_progress: Callable[[Progress], bool | None] | None = None) -> T:
    """Drive a job to its end and return its result. ``on_progress`` returning False cancels:
    the job is closed (GeneratorExit inside it rolls its transaction back) and Cancelled raised."""
    try:
        while True:
            step = next(job)
            if on_progress is not None and on_progress(step) is False:
                job.close()
                raise Cancelled("已取消")
    except StopIteration as stop:
        return stop.value
