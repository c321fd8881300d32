"""Exact schedules for visitor ↔ host events: bipartite edge colouring (König's theorem).

When every meeting is a pair, nobody is unavailable and the people split into two sides (visitors and hosts) with
every meeting across, the meetings are the edges of a bipartite (multi)graph and a slot is a colour: no person may
have two meetings of one colour. König: Δ colours always suffice (Δ = the most meetings one person has), so Δ
slots hold every meeting. A bipartite graph also has an *equitable* k-colouring for every k ≥ Δ (class sizes
differ by at most one), which handles a table limit. When not everything fits, the heaviest subgraph with at most
`slots` meetings per person and at most `slots × tables` meetings is a min-cost flow, and it always fits; so
this method is optimal in every case it accepts.
"""

from collections import deque

from ortools.graph.python import min_cost_flow

from zonebridge.engine.scheduling.model import UNSCHEDULED, Instance

NO_MEETING = -1


def bipartite_sides(person_count: int, pairs: list[tuple[int, int]]) -> list[int] | None:
    """Split people into sides 0 and 1 so that every pair crosses (BFS 2-colouring); None when impossible."""
    neighbours: list[list[int]] = [[] for _ in range(person_count)]
    for first, second in pairs:
        neighbours[first].append(second)
        neighbours[second].append(first)
    side = [-1] * person_count
    for start in range(person_count):
        if side[start] != -1:
            continue
        side[start] = 0
        queue = deque([start])
        while queue:
            person = queue.popleft()
            for other in neighbours[person]:
                if side[other] == -1:
                    side[other] = 1 - side[person]
                    queue.append(other)
                elif side[other] == side[person]:
                    return None
    return side


def colour_bipartite(person_count: int, pairs: list[tuple[int, int]], colours: int) -> list[int]:
    """Give each pair a colour below `colours` (≥ Δ) so that nobody has two pairs of one colour.

    Pairs must form a bipartite multigraph. For each pair (u, v): take a colour a free at u and b free at v; if a
    is taken at v, swap a and b along the a/b alternating path that starts at v. In a bipartite graph that path
    cannot end at u, so afterwards a is free at both ends.
    """
    holder = [[NO_MEETING] * colours for _ in range(person_count)]  # holder[person][colour] = pair index
    colour = [UNSCHEDULED] * len(pairs)
    class_size = [0] * colours

    def free_colour(person: int) -> int:
        # The smallest free class keeps classes even, which saves work when a table limit must be met later.
        return min((c for c in range(colours) if holder[person][c] == NO_MEETING), key=lambda c: class_size[c])

    for index, (first, second) in enumerate(pairs):
        a = free_colour(first)
        if holder[second][a] != NO_MEETING:
            b = free_colour(second)
            if holder[first][b] == NO_MEETING:
                a = b
            else:
                _swap_alternating_path(holder, colour, pairs, second, a, b)
        colour[index] = a
        holder[first][a] = holder[second][a] = index
        class_size[a] += 1
    return colour


def _alternating_path(holder: list[list[int]], pairs: list[tuple[int, int]], start: int, a: int, b: int) -> list[int]:
    """The pairs on the path from `start` whose colours alternate a, b, a, ..."""
    path: list[int] = []
    person, wanted, other = start, a, b
    while (index := holder[person][wanted]) != NO_MEETING:
        path.append(index)
        first, second = pairs[index]
        person = second if person == first else first
        wanted, other = other, wanted
    return path


def _swap_colours(holder: list[list[int]], colour: list[int], pairs: list[tuple[int, int]], path: list[int],
                  a: int, b: int) -> None:
    """Exchange colours a and b on every pair of the path."""
    for index in path:
        first, second = pairs[index]
        holder[first][colour[index]] = holder[second][colour[index]] = NO_MEETING
    for index in path:
        colour[index] = b if colour[index] == a else a
        first, second = pairs[index]
        holder[first][colour[index]] = holder[second][colour[index]] = index


def _swap_alternating_path(holder: list[list[int]], colour: list[int], pairs: list[tuple[int, int]], start: int,
                           a: int, b: int) -> None:
    """Free colour a at `start` by exchanging a and b along the alternating path from it."""
    _swap_colours(holder, colour, pairs, _alternating_path(holder, pairs, start, a, b), a, b)


def balance_colour_classes(person_count: int, pairs: list[tuple[int, int]], colour: list[int], colours: int,
                           cap: int) -> None:
    """Recolour until no colour has more than `cap` pairs (needs cap × colours ≥ len(pairs)).

    While one class is larger than another, their union (paths and even cycles) holds a path that starts and ends
    with the larger colour; swapping it moves one pair across and keeps the colouring proper.
    """
    holder = [[NO_MEETING] * colours for _ in range(person_count)]
    members: list[set[int]] = [set() for _ in range(colours)]
    for index, (first, second) in enumerate(pairs):
        holder[first][colour[index]] = holder[second][colour[index]] = index
        members[colour[index]].add(index)
    while True:
        large = max(range(colours), key=lambda c: len(members[c]))
        small = min(range(colours), key=lambda c: len(members[c]))
        if len(members[large]) <= cap:
            return
        path = _path_with_more_of(holder, pairs, members[large], large, small)
        _swap_colours(holder, colour, pairs, path, large, small)
        for index in path:
            members[colour[index]].add(index)
            members[large if colour[index] == small else small].discard(index)


def _path_with_more_of(holder: list[list[int]], pairs: list[tuple[int, int]], large_class: set[int], large: int,
                       small: int) -> list[int]:
    """An alternating large/small path that starts and ends with a pair of the larger class."""
    for index in sorted(large_class):
        for end in pairs[index]:
            if holder[end][small] != NO_MEETING:
                continue  # not a path end
            path = _alternating_path(holder, pairs, end, large, small)
            if len(path) % 2 == 1:
                return path
    raise AssertionError("a larger colour class always has such a path")


def heaviest_bounded_subgraph(person_count: int, pairs: list[tuple[int, int]], side: list[int], points: list[int],
                              person_cap: list[int], total_cap: int | None) -> list[int]:
    """The pairs of greatest total points with at most person_cap[p] per person and total_cap in all (min-cost flow).

    Network: root → hub → person on side 0 → (one arc per pair, cost −points) → person on side 1 → sink, plus a
    root → sink bypass so the flow may leave pairs out; every flow unit through a pair is one chosen pair.
    """
    total = len(pairs) if total_cap is None else min(total_cap, len(pairs))
    if total == 0:
        return []
    root, hub, sink, first_person = 0, 1, 2, 3
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arc_with_capacity_and_unit_cost(root, hub, total, 0)
    flow.add_arc_with_capacity_and_unit_cost(root, sink, total, 0)
    for person in range(person_count):
        if side[person] == 0:
            flow.add_arc_with_capacity_and_unit_cost(hub, first_person + person, person_cap[person], 0)
        else:
            flow.add_arc_with_capacity_and_unit_cost(first_person + person, sink, person_cap[person], 0)
    pair_arcs = []
    for index, (first, second) in enumerate(pairs):
        left, right = (first, second) if side[first] == 0 else (second, first)
        pair_arcs.append(
            flow.add_arc_with_capacity_and_unit_cost(first_person + left, first_person + right, 1, -points[index])
        )
    flow.set_node_supply(root, total)
    flow.set_node_supply(sink, -total)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return [index for index, arc in enumerate(pair_arcs) if flow.flow(arc) > 0]


def pairs_of(instance: Instance) -> list[tuple[int, int]] | None:
    """Every meeting as a pair of people, or None when some meeting has more than two."""
    if any(len(people) != 2 for people in instance.members):
        return None
    return [(people[0], people[1]) for people in instance.members]


def colouring_applies(instance: Instance) -> bool:
    """True when the exact method is valid: pairs only, nobody unavailable for their meetings, and bipartite."""
    pairs = pairs_of(instance)
    if pairs is None or instance.slot_count == 0:
        return False
    if any(allowed != instance.every_slot for allowed in instance.allowed):
        return False
    return bipartite_sides(instance.person_count, pairs) is not None


def schedule_by_colouring(instance: Instance) -> list[int]:
    """An optimal slot for every meeting (or UNSCHEDULED) of an instance where colouring_applies; uses few slots.

    With no table limit and Δ ≤ slots, every meeting is placed in the first Δ slots.
    """
    pairs = pairs_of(instance)
    assert pairs is not None
    side = bipartite_sides(instance.person_count, pairs)
    assert side is not None
    slots, tables = instance.slot_count, instance.tables
    chosen = list(range(len(pairs)))
    if _max_degree(instance.person_count, pairs) > slots or (tables is not None and len(pairs) > slots * tables):
        total_cap = None if tables is None else slots * tables
        chosen = heaviest_bounded_subgraph(instance.person_count, pairs, side, list(instance.points),
                                           [slots] * instance.person_count, total_cap)
    chosen_pairs = [pairs[index] for index in chosen]
    colours = _max_degree(instance.person_count, chosen_pairs)
    if tables is not None:
        colours = max(colours, -(-len(chosen_pairs) // tables))
    assignment = [UNSCHEDULED] * len(pairs)
    if not chosen_pairs:
        return assignment
    colour = colour_bipartite(instance.person_count, chosen_pairs, colours)
    if tables is not None:
        balance_colour_classes(instance.person_count, chosen_pairs, colour, colours, tables)
    for index, slot in zip(chosen, colour):
        assignment[index] = slot
    return assignment


def _max_degree(person_count: int, pairs: list[tuple[int, int]]) -> int:
    """Δ: the most pairs any one person is in."""
    degree = [0] * person_count
    for first, second in pairs:
        degree[first] += 1
        degree[second] += 1
    return max(degree, default=0)
