"""`study exam`: set, clear or show a document's exam date and its plan; the plan's line in the interface language."""

from __future__ import annotations

import argparse
import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .core.exam import ExamPlan
    from .core.store import Store
    from .core.workbook import Workbook

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def plan_summary(plan: ExamPlan) -> str:
    """The plan in one line, in the interface language (for `study stats`, `study exam` and the stats screen)."""
    from .i18n import t

    when = plan.exam_date.isoformat()
    if plan.days_left == 0:
        return t("exam_today", date=when)
    if plan.days_left < 0:
        return t("exam_passed", date=when)
    if not plan.cards_on_track:
        state = t("exam_behind_cards", left=plan.left)
    elif not plan.reviews_on_track:
        state = t("exam_behind_reviews", overdue=plan.overdue)
    else:
        state = t("exam_on_track")
    values = {
        "date": when,
        "days": plan.days_left,
        "cards": plan.cards,
        "retention": f"{plan.retention:.0%}",
        "state": state,
    }
    if plan.left == 0:
        return t("exam_plan_all_in", **values)
    return t(
        "exam_plan", introduced=plan.introduced, pace=plan.pace, target=f"{plan.target:%m-%d}", **values
    )


def plan_of(workbook: Workbook, now: datetime | None = None) -> ExamPlan | None:
    """The plan of an open workbook's document; None without an exam date (or a record in the store)."""
    from .core.exam import document_plan

    store = workbook.store
    if store is None:
        return None
    if workbook.read_only:  # found without writing
        document_id = store.find_document(workbook.path, workbook.content_hash)
    else:
        document_id = workbook.document_id()
    if document_id is None:
        return None
    keys = {card.key for card in workbook.all_cards}  # headings' cards are introduced as phrases' are
    return document_plan(store, document_id, keys, new_per_day=workbook.new_per_day, now=now)


def check_arguments(args: argparse.Namespace) -> None:
    """Before any file is read: the date made `args.exam_date` (CliError when it is not a date to come).

    `study exam 2027-03-01`: a date where the file goes, and no such file, is the bundled speech's exam.
    """
    from .arguments import CliError
    from .core.exam import local_day
    from .i18n import t

    if args.date is None and args.path and _DATE.match(args.path) and not os.path.exists(args.path):
        args.date, args.path = args.path, None
    if args.date is not None and args.clear:
        raise CliError(t("exam_date_and_clear"))
    args.exam_date = parse_date(args.date, local_day()) if args.date is not None else None


def parse_date(value: str, today: date) -> date:
    """A YYYY-MM-DD exam date, today or later; CliError otherwise."""
    from .arguments import CliError
    from .i18n import t

    try:
        if not _DATE.match(value):
            raise ValueError(value)
        when = date.fromisoformat(value)
    except ValueError:
        raise CliError(t("exam_bad_date", value=value)) from None
    if when < today:
        raise CliError(t("exam_past_date", value=value))
    return when


def exam_command(path: Path, text: str, args: argparse.Namespace, *, store: Store) -> int:
    """Set (DATE), clear (--clear) or show the exam date of a document, then print its plan."""
    from .cli import print_json, show
    from .core.workbook import Workbook
    from .i18n import t

    when: date | None = args.exam_date  # checked by `check_arguments` before the file was read
    try:
        workbook = Workbook(path, text, store, visit=False)
        workbook.open()
        if workbook.problem is not None and not (workbook.read_only and when is None and not args.clear):
            raise workbook.problem  # a read-only database still shows the plan; it cannot take a new date
        workbook.use_phrases(workbook.find_phrases())
        if when is not None or args.clear:
            store.set_exam_date(workbook.document_id(), when)
        plan = plan_of(workbook)
    finally:
        store.close()
    if args.json:
        print_json({"exam": plan.as_data() if plan is not None else None})
    elif plan is not None:
        show(plan_summary(plan))
    else:
        print(t("exam_cleared") if args.clear else t("exam_none"))
    return 0
