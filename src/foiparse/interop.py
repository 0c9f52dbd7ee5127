"""foiparse's outcome words in the vocabularies other tools use.

- **Alaveteli / WhatDoTheyKnow** request states (``described_state`` in mysociety/alaveteli,
  ``app/models/info_request/state.rb``): ``successful``, ``partially_successful``, ``rejected``
  (shown as "Refused"), ``not_held``, ``waiting_clarification``, ...
- **US DOJ Annual FOIA Report** dispositions (section V.B.(1)): full grant, partial
  grant/partial denial, full denial based on exemptions, and the full denials based on reasons
  other than exemptions (no records, records referred, ...).

Some words have no counterpart: Alaveteli has no state for "neither confirm nor deny", so an NCND
letter maps to ``rejected`` (the requester got a refusal); ``other`` (an acknowledgement, a
transfer) has no settled Alaveteli state and maps to ``None``. The DOJ report counts an NCND
("Glomar") response as a full denial based on exemptions when the letter cites one, and the
letter's exemptions decide that here.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

from foiparse.records import Letter, Outcome


class AlaveteliState(enum.StrEnum):
    """The Alaveteli ``described_state`` values a response letter can lead to."""

    SUCCESSFUL = "successful"
    PARTIALLY_SUCCESSFUL = "partially_successful"
    REJECTED = "rejected"
    NOT_HELD = "not_held"
    WAITING_CLARIFICATION = "waiting_clarification"


class DojDisposition(enum.StrEnum):
    """The US DOJ Annual FOIA Report's disposition columns (section V.B.(1))."""

    FULL_GRANT = "full_grant"
    PARTIAL_GRANT_PARTIAL_DENIAL = "partial_grant_partial_denial"
    FULL_DENIAL_EXEMPTIONS = "full_denial_based_on_exemptions"
    NO_RECORDS = "no_records"
    RECORDS_NOT_REASONABLY_DESCRIBED = "records_not_reasonably_described"
    OTHER = "other"


#: foiparse outcome -> Alaveteli described_state (``None``: no state fits).
ALAVETELI_STATES: Mapping[Outcome, AlaveteliState | None] = MappingProxyType({
    Outcome.GRANTED: AlaveteliState.SUCCESSFUL,
    Outcome.PARTIALLY_GRANTED: AlaveteliState.PARTIALLY_SUCCESSFUL,
    Outcome.REFUSED: AlaveteliState.REJECTED,
    Outcome.NOT_HELD: AlaveteliState.NOT_HELD,
    Outcome.NEITHER_CONFIRM_NOR_DENY: AlaveteliState.REJECTED,
    Outcome.CLARIFICATION: AlaveteliState.WAITING_CLARIFICATION,
    Outcome.OTHER: None,
})

#: foiparse outcome -> DOJ annual-report disposition, for a letter that cites exemptions.
_DOJ_WITH_EXEMPTIONS: Mapping[Outcome, DojDisposition] = MappingProxyType({
    Outcome.GRANTED: DojDisposition.FULL_GRANT,
    Outcome.PARTIALLY_GRANTED: DojDisposition.PARTIAL_GRANT_PARTIAL_DENIAL,
    Outcome.REFUSED: DojDisposition.FULL_DENIAL_EXEMPTIONS,
    Outcome.NOT_HELD: DojDisposition.NO_RECORDS,
    Outcome.NEITHER_CONFIRM_NOR_DENY: DojDisposition.FULL_DENIAL_EXEMPTIONS,
    Outcome.CLARIFICATION: DojDisposition.RECORDS_NOT_REASONABLY_DESCRIBED,
    Outcome.OTHER: DojDisposition.OTHER,
})


def alaveteli_state(outcome: Outcome | Letter | None) -> AlaveteliState | None:
    """The Alaveteli/WhatDoTheyKnow state for an outcome (or a letter's outcome)."""
    if isinstance(outcome, Letter):
        outcome = outcome.outcome
    return ALAVETELI_STATES[outcome] if outcome is not None else None


def doj_disposition(outcome: Outcome | Letter | None, *, cites_exemptions: bool = True
                    ) -> DojDisposition | None:
    """The DOJ annual-report disposition for an outcome (or a letter).

    A refusal that cites no exemption is a full denial for a reason other than exemptions
    (cost, a vexatious or repeated request): ``other``. Given a :class:`Letter`, whether it
    cites exemptions is read from the letter itself.
    """
    if isinstance(outcome, Letter):
        cites_exemptions = bool(outcome.exemptions)
        outcome = outcome.outcome
    if outcome is None:
        return None
    if outcome in (Outcome.REFUSED, Outcome.NEITHER_CONFIRM_NOR_DENY) and not cites_exemptions:
        return DojDisposition.OTHER
    return _DOJ_WITH_EXEMPTIONS[outcome]
