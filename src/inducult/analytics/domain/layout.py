"""Positions for drawing the organisation network: a seeded force-directed (Fruchterman-Reingold) layout.

networkx's `spring_layout` needs SciPy from 500 nodes on, which we do not install; this is the same
algorithm in NumPy alone. Repulsion between every pair of organisations is computed as whole
matrices (O(n²) per iteration, but in C: about 25 ms of CPU an iteration at 2,000 organisations), and the
pull along ties from the tie list, so its cost grows with the number of ties, not with n². A weak
pull toward the centre keeps organisations without ties from drifting off the picture.

Pure: no Django, no database. NumPy is imported when a layout is asked for, so the analytics work
without it. The same nodes, ties and seed give the same positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Position = tuple[float, float]


def spring_positions(
    nodes: Sequence[int],
    ties: Iterable[tuple[int, int, float]],
    *,
    seed: int = 0,
    iterations: int = 50,
    gravity: float = 0.1,
) -> dict[int, Position]:
    """Positions in the square [-1, 1]² for `nodes`, pulled together along `ties` (a, b, weight).

    Stronger ties pull harder (the weights are divided by their mean, so only their ratios matter).
    Positions are rounded to six decimals, which is finer than any screen and keeps the output of
    two runs byte-for-byte equal.
    """
    import numpy as np

    nodes = sorted(set(nodes))
    index = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    edges = [(index[a], index[b], float(w)) for a, b, w in ties if a != b and w > 0]
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    if edges:
        source = np.fromiter((e[0] for e in edges), dtype=np.intp, count=len(edges))
        target = np.fromiter((e[1] for e in edges), dtype=np.intp, count=len(edges))
        weight = np.fromiter((e[2] for e in edges), dtype=np.float32, count=len(edges))
        weight /= weight.mean()
    k = np.float32(np.sqrt(1.0 / n))  # the ideal distance between neighbours in the unit square
    temperature = 0.1  # the largest step of a node, cooling linearly to nearly nothing
    cooling = temperature / (iterations + 1)
    gram = np.empty((n, n), dtype=np.float32)  # reused every iteration: no n² allocations in the loop
    for _ in range(iterations):
        # Squared distances |p_i|² + |p_j|² - 2 p_i·p_j, in place in one n×n buffer.
        np.matmul(pos, pos.T, out=gram)
        gram *= -2
        squares = (pos * pos).sum(axis=1)
        gram += squares[:, None]
        gram += squares[None, :]
        np.maximum(gram, np.float32(1e-4), out=gram)
        # Repulsion k²/d along the unit vector (p_i - p_j)/d is (p_i - p_j) * k²/d²; summed over j that
        # is p_i * Σ_j r_ij - (R p)_i, a matrix product instead of two more n×n arrays. A node does
        # not repel itself: r_ii is set to 0.
        np.divide(k * k, gram, out=gram)
        np.fill_diagonal(gram, 0)
        displacement = pos * gram.sum(axis=1)[:, None] - gram @ pos
        if edges:
            # Attraction w * d²/k along the unit vector is delta * w * d/k, equal and opposite at both ends.
            delta = pos[source] - pos[target]
            length = np.sqrt((delta * delta).sum(axis=1))
            pull = delta * (weight * length / k)[:, None]
            for dim in (0, 1):
                moved = np.bincount(source, weights=pull[:, dim], minlength=n)
                moved -= np.bincount(target, weights=pull[:, dim], minlength=n)
                displacement[:, dim] -= moved.astype(np.float32)
        displacement -= gravity * (pos - pos.mean(axis=0))
        step = np.sqrt((displacement * displacement).sum(axis=1))
        np.maximum(step, np.float32(0.01), out=step)
        pos += displacement * (temperature / step)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = np.abs(pos).max()
    if extent > 0:
        pos /= extent
    return {node: (round(float(p[0]), 6), round(float(p[1]), 6)) for node, p in zip(nodes, pos, strict=True)}
