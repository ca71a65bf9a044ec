"""Readers for the two public orienteering benchmark formats (see ../shared/bench/op/FORMATS.md).

Files are read as whitespace-separated tokens per line (CRLF, tabs and a header split over two
lines all occur in the published files); column alignment is never relied on. A malformed file
raises ValueError naming the file and line.

- OP (Tsiligirides): `Tmax P`, then `x y S` per vertex; vertex 0 is the start, vertex 1 the end;
  travel = un-rounded Euclidean distance; the path's length must not exceed Tmax.
- OPTW (Solomon-based, Righini & Salani): six header tokens `k v N t D Q`, then N + 1 lines
  `i x y d S … O C`; vertex 0 is the depot (start and end), C of the depot is the latest return;
  travel = Euclidean distance truncated to one decimal (two for Cordeau's instances, pr01–pr20).
"""

import math
from dataclasses import dataclass
from pathlib import Path

from .model import ALWAYS, Problem, Vertex, Window

OP = "op"
OPTW = "optw"
OPTW_DECIMALS = (1, 2)


@dataclass(frozen=True)
class Instance:
    """A parsed file: the problem and the file's own vertex ids (problem index → id)."""

    problem: Problem
    ids: tuple[int, ...]
    kind: str
    source: str

    def file_route(self, route: list[int]) -> list[int]:
        return [self.ids[v] for v in route]


def _lines(text: str) -> list[tuple[int, list[str]]]:
    """(line number, tokens) for every non-blank line."""
    return [(number, line.split()) for number, line in enumerate(text.splitlines(), start=1) if line.split()]


def _number(token: str, source: str, line: int, what: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise ValueError(f"{source}, line {line}: {what} must be a number, not {token!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{source}, line {line}: {what} must be finite, not {token!r}")
    return value


def detect(text: str) -> str:
    """OP files have a two-token first line and three tokens per vertex; anything else is OPTW."""
    lines = _lines(text)
    if lines and len(lines[0][1]) == 2 and len(lines) > 1 and all(len(tokens) == 3 for _, tokens in lines[1:]):
        return OP
    return OPTW


def parse_op(text: str, source: str = "<text>") -> Instance:
    lines = _lines(text)
    if not lines:
        raise ValueError(f"{source}: the file is empty")
    header_line, header = lines[0]
    if len(header) != 2:
        raise ValueError(f"{source}, line {header_line}: expected 'Tmax P', found {len(header)} tokens")
    budget = _number(header[0], source, header_line, "Tmax")
    paths = _number(header[1], source, header_line, "P")
    if paths != 1:
        raise ValueError(f"{source}, line {header_line}: only one path is supported, the file asks for {paths:g}")
    points, vertices = [], []
    for line, tokens in lines[1:]:
        if len(tokens) != 3:
            raise ValueError(f"{source}, line {line}: expected 'x y S', found {len(tokens)} tokens")
        x, y, score = (_number(t, source, line, w) for t, w in zip(tokens, ("x", "y", "S"), strict=True))
        if score < 0:
            raise ValueError(f"{source}, line {line}: the score must not be negative")
        points.append((x, y))
        vertices.append(Vertex(score=score, name=str(len(vertices))))
    if len(vertices) < 2:
        raise ValueError(f"{source}: an OP file needs a start and an end vertex (lines 2 and 3)")
    # Start and end score nothing, whatever the file says.
    vertices[0] = Vertex(name="0")
    vertices[1] = Vertex(name="1")
    travel = [[math.dist(p, q) for q in points] for p in points]
    problem = Problem(vertices, travel, start=0, end=1, start_time=0.0, end_time=budget, name=source)
    return Instance(problem, tuple(range(len(vertices))), OP, source)


def _truncated(p: tuple[float, float], q: tuple[float, float], decimals: int) -> int:
    """Euclidean distance in units of 10**-decimals, rounded down; exact (integer square root) for
    integral coordinates."""
    squared = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
    if all(float(c).is_integer() for c in (*p, *q)):
        return math.isqrt(int(squared) * 100**decimals)
    return math.floor(math.sqrt(squared) * 10**decimals)


def parse_optw(text: str, source: str = "<text>", *, decimals: int = 1) -> Instance:
    """`decimals`: travel times are distances truncated to this many decimals — one for the
    Solomon-based sets (Righini & Salani), two for Cordeau's (Montemanni & Gambardella 2009)."""
    if decimals not in OPTW_DECIMALS:
        raise ValueError(f"{source}: travel times are truncated to 1 or 2 decimals, not {decimals}")
    lines = _lines(text)
    header: list[str] = []
    body_start = 0
    while len(header) < 6 and body_start < len(lines):
        header.extend(lines[body_start][1])
        body_start += 1
    if len(header) != 6:
        raise ValueError(f"{source}: expected a header of six tokens 'k v N t D Q', found {len(header)}")
    header_line = lines[body_start - 1][0]
    count = _number(header[2], source, header_line, "N")
    if count < 0 or not count.is_integer():
        raise ValueError(f"{source}, line {header_line}: N must be a whole number, not {header[2]!r}")
    body = lines[body_start:]
    if len(body) != int(count) + 1:
        raise ValueError(
            f"{source}: the header announces {int(count)} customers + depot, found {len(body)} vertex lines"
        )
    ids, points, vertices = [], [], []
    for line, tokens in body:
        if len(tokens) < 7:
            raise ValueError(f"{source}, line {line}: expected 'i x y d S … O C', found {len(tokens)} tokens")
        number = _number(tokens[0], source, line, "the vertex id")
        if not number.is_integer() or number < 0:
            raise ValueError(f"{source}, line {line}: the vertex id must be a whole number, not {tokens[0]!r}")
        x, y, service, score = (_number(t, source, line, w) for t, w in zip(tokens[1:5], "xydS", strict=True))
        opens = _number(tokens[-2], source, line, "O")
        closes = _number(tokens[-1], source, line, "C")
        if closes < opens:
            raise ValueError(f"{source}, line {line}: the window closes ({closes:g}) before it opens ({opens:g})")
        if service < 0 or score < 0:
            raise ValueError(f"{source}, line {line}: visit time and score must not be negative")
        ids.append(int(number))
        points.append((x, y))
        vertices.append(Vertex(score=score, service=service, windows=(Window(opens, closes),), name=tokens[0]))
    if ids[0] != 0:
        raise ValueError(f"{source}, line {body[0][0]}: the first vertex must be the depot 0, found {ids[0]}")
    if len(set(ids)) != len(ids):
        raise ValueError(f"{source}: vertex ids repeat")
    depot = vertices[0]
    start_time, end_time = depot.windows[0].open, depot.windows[0].close
    vertices[0] = Vertex(windows=ALWAYS, name="0")
    unit = 10**decimals
    travel = [[_truncated(p, q, decimals) / unit for q in points] for p in points]
    problem = Problem(
        vertices,
        travel,
        start=0,
        end=0,
        start_time=start_time,
        end_time=end_time,
        name=source,
        time_resolution=1 / unit,
    )
    return Instance(problem, tuple(ids), OPTW, source)


def read_instance(path: str | Path, kind: str | None = None, *, decimals: int = 1) -> Instance:
    """Read an OP or OPTW file; the format is detected from the content unless `kind` is given.
    `decimals` applies to OPTW files (see `parse_optw`)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not a text file ({error.reason})") from None
    kind = kind or detect(text)
    return parse_op(text, str(path)) if kind == OP else parse_optw(text, str(path), decimals=decimals)
