"""A fast schedule for any event: heaviest-first greedy placement, then repair by moving meetings aside.

1. Greedy: meetings take a free slot in priority order: first those the flow relaxation keeps (bounds.py: it knows
   which requests of an overbooked person to give up), then by weight, then those of the least overbooked people,
   then those with the fewest possible slots. Among free slots, the one fewest of the people's other requests
   could still use is taken, which keeps flexible slots open for them.
2. Ejection chains: an unplaced meeting takes a slot where a single meeting is in the way, and that meeting looks
   for another slot the same way (a depth-limited search; each meeting is moved at most once per attempt). This
   generalises the alternating-path recolouring of edge colouring to unavailability, tables and group meetings.
3. Exchanges: an unplaced meeting takes a slot by displacing what is in its way (the lightest displacement
   first), and the displaced meetings try an ejection chain of their own; the exchange is kept only when the total
   weight grows, so the repair ends.

Everything is deterministic: ties go to the earlier meeting and the earlier slot.
"""

import itertools
from collections.abc import Sequence

from zonebridge.engine.scheduling.model import UNSCHEDULED, Instance, slots_in

NOBODY = -1
CHAIN_DEPTH = 4
# How many slots an exchange tries for one meeting, cheapest displacement first.
EXCHANGE_TRIES = 3
# Repair stops after this many tried moves per pass, and after this many passes, so a huge event stays fast.
MOVE_BUDGET = 200_000
MAX_REPAIR_PASSES = 20


class Board:
    """The schedule being built: who meets when, how full each slot is, and a journal to undo moves."""

    def __init__(self, instance: Instance):
        self.instance = instance
        self.slot_of = [UNSCHEDULED] * instance.meeting_count
        self.busy = [0] * instance.person_count  # per person, the slots they already have a meeting in
        self.meeting_at = [[NOBODY] * instance.slot_count for _ in range(instance.person_count)]
        self.in_slot: list[set[int]] = [set() for _ in range(instance.slot_count)]
        self.full = 0  # the slots whose every table is taken
        self.points = 0
        self.journal: list[tuple[int, int]] = []  # (meeting, slot it had before the move)

    def free_slots(self, meeting: int) -> int:
        """The slots this meeting could take right now."""
        free = self.instance.allowed[meeting] & ~self.full
        for person in self.instance.members[meeting]:
            free &= ~self.busy[person]
        return free

    def place(self, meeting: int, slot: int) -> None:
        """Put an unplaced meeting in a slot that is free for it."""
        self.journal.append((meeting, UNSCHEDULED))
        self._put(meeting, slot)

    def remove(self, meeting: int) -> None:
        """Take a placed meeting out of its slot."""
        self.journal.append((meeting, self.slot_of[meeting]))
        self._take(meeting)

    def checkpoint(self) -> int:
        """A mark to roll back to."""
        return len(self.journal)

    def rollback(self, mark: int) -> None:
        """Undo every move made since the mark."""
        while len(self.journal) > mark:
            meeting, previous = self.journal.pop()
            if self.slot_of[meeting] != UNSCHEDULED:
                self._take(meeting)
            if previous != UNSCHEDULED:
                self._put(meeting, previous)

    def blockers(self, meeting: int, slot: int) -> set[int]:
        """The placed meetings that share a person with this meeting in this slot."""
        found = set()
        for person in self.instance.members[meeting]:
            other = self.meeting_at[person][slot]
            if other != NOBODY:
                found.add(other)
        return found

    def _put(self, meeting: int, slot: int) -> None:
        """Seat a meeting, without journalling."""
        self.slot_of[meeting] = slot
        bit = 1 << slot
        for person in self.instance.members[meeting]:
            self.busy[person] |= bit
            self.meeting_at[person][slot] = meeting
        self.in_slot[slot].add(meeting)
        if self.instance.tables is not None and len(self.in_slot[slot]) >= self.instance.tables:
            self.full |= bit
        self.points += self.instance.points[meeting]

    def _take(self, meeting: int) -> None:
        """Unseat a meeting, without journalling."""
        slot = self.slot_of[meeting]
        bit = 1 << slot
        for person in self.instance.members[meeting]:
            self.busy[person] &= ~bit
            self.meeting_at[person][slot] = NOBODY
        self.in_slot[slot].discard(meeting)
        self.full &= ~bit
        self.slot_of[meeting] = UNSCHEDULED
        self.points -= self.instance.points[meeting]


def schedule_heuristically(instance: Instance, enough: int | None = None,
                           preference: Sequence[int] | None = None) -> list[int]:
    """A good slot for every meeting it can place (UNSCHEDULED otherwise), in milliseconds for a thousand meetings.

    Meetings with a higher `preference` go first (the flow relaxation's choice, bounds.FlowRelaxation.halves);
    repair stops early once the schedule reaches `enough` points (a proven upper bound: nothing can do better).
    """
    board = Board(instance)
    preference = preference or [0] * instance.meeting_count
    order = _priority_order(instance, preference)
    budget = [MOVE_BUDGET]
    # Tier by tier (same preference and weight), so a heavy meeting can still push others aside while the
    # lighter ones have not yet taken the last tables.
    for _, tier in itertools.groupby(order, key=lambda m: (preference[m], instance.points[m])):
        left_out = []
        for meeting in tier:
            free = board.free_slots(meeting)
            if free:
                board.place(meeting, _least_wanted_slot(board, meeting, free))
            else:
                left_out.append(meeting)
        for meeting in left_out:
            if board.full == instance.every_slot:
                break
            _insert(board, meeting, CHAIN_DEPTH, set(), budget)
    _repair(board, order, enough)
    return board.slot_of


def _priority_order(instance: Instance, preference: Sequence[int]) -> list[int]:
    """Most preferred first, then heaviest; among equals the least overbooked people, then the fewest slots."""
    pressure = [
        len(meetings) / max(1, available.bit_count())
        for meetings, available in zip(instance.meetings_of, instance.people_available)
    ]

    def key(meeting: int) -> tuple:
        # An overbooked person loses some requests whatever happens; placing the meetings of people with room to
        # spare first keeps the losses with them instead of spreading them to people who could have had it all.
        busiest = max(pressure[person] for person in instance.members[meeting])
        return (-preference[meeting], -instance.points[meeting], busiest, instance.allowed[meeting].bit_count(),
                meeting)

    return sorted((m for m in range(instance.meeting_count) if instance.allowed[m]), key=key)


def _least_wanted_slot(board: Board, meeting: int, free: int) -> int:
    """The free slot that the fewest still-unplaced requests of the same people could use."""
    instance = board.instance
    if free & (free - 1) == 0:
        return free.bit_length() - 1
    demand = [0] * instance.slot_count
    for person in instance.members[meeting]:
        for other in instance.meetings_of[person]:
            if other != meeting and board.slot_of[other] == UNSCHEDULED:
                for slot in slots_in(free & board.free_slots(other)):
                    demand[slot] += 1
    return min(slots_in(free), key=lambda slot: demand[slot])


def _repair(board: Board, order: list[int], enough: int | None) -> None:
    """Place what the greedy left out by moving meetings aside, then trade light meetings for heavier ones."""
    improved, passes = True, 0
    while improved and passes < MAX_REPAIR_PASSES and (enough is None or board.points < enough):
        improved, passes = False, passes + 1
        budget = [MOVE_BUDGET]
        for meeting in order:
            # With every table of every slot taken, moving meetings around cannot make room for one more.
            if board.full == board.instance.every_slot or budget[0] <= 0:
                break
            if board.slot_of[meeting] == UNSCHEDULED and _insert(board, meeting, CHAIN_DEPTH, set(), budget):
                improved = True
        for meeting in order:
            if enough is not None and board.points >= enough:
                return
            if board.slot_of[meeting] == UNSCHEDULED and _exchange(board, meeting, budget):
                improved = True


def _insert(board: Board, meeting: int, depth: int, moved: set[int], budget: list[int]) -> bool:
    """Place the meeting, moving at most one meeting per step out of its way, up to `depth` steps deep."""
    free = board.free_slots(meeting)
    if free:
        board.place(meeting, _least_wanted_slot(board, meeting, free))
        return True
    if depth == 0:
        return False
    moved.add(meeting)
    candidates = []
    for slot in slots_in(board.instance.allowed[meeting]):
        in_the_way = board.blockers(meeting, slot)
        if not in_the_way:
            # The slot is full: a meeting in it that could go to a slot with a free table would make room.
            candidates.extend((other, slot) for other in sorted(board.in_slot[slot])
                              if other not in moved and board.instance.allowed[other] & ~board.full)
        elif len(in_the_way) == 1:
            (other,) = in_the_way
            if other not in moved:
                candidates.append((other, slot))
    # First the moves that finish at once (the displaced meeting has a free slot elsewhere), then deeper chains.
    for shallow in (True, False):
        for other, slot in candidates:
            if other in moved or budget[0] <= 0:
                continue
            budget[0] -= 1
            mark = board.checkpoint()
            board.remove(other)
            board.place(meeting, slot)
            if shallow:
                if board.free_slots(other):
                    _insert(board, other, 0, moved, budget)
                    return True
            else:
                moved.add(other)
                if _insert(board, other, depth - 1, moved, budget):
                    return True
            board.rollback(mark)
    return False


def _exchange(board: Board, meeting: int, budget: list[int]) -> bool:
    """Place the meeting by taking out what is in its way and re-placing that elsewhere; keep it if weight grows."""
    instance = board.instance
    options = []
    for slot in slots_in(instance.allowed[meeting]):
        displaced = sorted(board.blockers(meeting, slot))
        if instance.tables is not None and len(board.in_slot[slot]) - len(displaced) >= instance.tables:
            # The slot stays full: its lightest other meeting has to make room too.
            displaced.append(min((m for m in board.in_slot[slot] if m not in displaced),
                                 key=lambda m: (instance.points[m], m)))
        options.append((sum(instance.points[m] for m in displaced), slot, displaced))
    options.sort()
    for _, slot, displaced in options[:EXCHANGE_TRIES]:
        if budget[0] <= 0:
            return False
        budget[0] -= 1
        before, mark = board.points, board.checkpoint()
        for other in displaced:
            board.remove(other)
        board.place(meeting, slot)
        for other in sorted(displaced, key=lambda m: (-instance.points[m], m)):
            _insert(board, other, CHAIN_DEPTH, {meeting}, budget)
        if board.points > before:
            return True
        board.rollback(mark)
    return False
