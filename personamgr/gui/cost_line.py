"""What posting the compose text to X would cost, and what X's rules say about it, before posting.

On a line of its own over the counter: "≈ $0.015 · spent $0.42 of $10.00 this
month". Above it, one line per policy finding (more than one cashtag, a leading mention that X
will not treat as a reply, pacing, the monthly cap or budget; on Bluesky, a mention that will link no one). Both
are computed in a worker (the spend is a database sum, a mention is asked of the network) after the text stops
changing for a moment, and hidden for networks that neither bill nor police posts (the sandbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from personamgr.core import costs, policy
from personamgr.core.i18n import translate
from personamgr.core.networks.bluesky import mentions
from personamgr.core.personas import Persona
from personamgr.core.scheduling.local_time import describe
from personamgr.core.services import Services
from personamgr.gui.widgets import set_tone
from personamgr.gui.workers import Workers

DEBOUNCE_MS = 250


@dataclass(frozen=True, slots=True)
class CostView:
    """What the line shows, computed off the GUI thread."""

    cost: str
    cost_tip: str
    warnings: tuple[str, ...]
    errors: tuple[str, ...]


def cost_view(services: Services, persona: Persona, text: str | Sequence[str]) -> CostView:
    """The estimate, this month's spend against the budget and cap, and the policy findings for the post
    (``text``, or a thread's parts: X bills and polices each part as a post)."""
    now = services.clock.now()
    parts = [p for p in ([text] if isinstance(text, str) else list(text)) if p.strip()]
    report = policy.check(services.store, persona, parts, now)
    spend = costs.spent_this_month(services.store, persona, now)
    price = costs.prices(services.store)
    estimate = costs.cost(persona, parts or ["x"], price)  # an empty box still shows the per-post price
    if persona.monthly_budget_usd is not None:
        spent = translate("CostLine", "spent {spent} of {budget} this month").format(
            spent=costs.describe(spend.usd), budget=costs.describe(persona.monthly_budget_usd))
    else:
        spent = translate("CostLine", "spent {spent} this month").format(spent=costs.describe(spend.usd))
    if persona.monthly_post_cap is not None:
        spent += " · " + translate("CostLine", "{posts} of {cap} posts").format(posts=spend.posts,
                                                                              cap=persona.monthly_post_cap)
    posts = spend.posts
    tip = translate("CostLine", "X's pay-per-use price: {post} a post, {link} with a link. {name} has posted %n "
                    "time(s) this month (thread parts count).", None, posts).format(
        post=costs.describe(price.post), link=costs.describe(price.post_with_url), name=persona.name)
    # Too many cashtags is also the persona guard's warning, shown above (on X and the sandbox), and the length
    # is the counter's: say each once.
    errors = [f.message for f in report.findings
              if f.level is policy.Level.ERROR and f.kind not in ("cashtags", "too_long", "images")]
    if report.budget:
        errors.append(report.budget)
    warnings = list(report.warnings)
    if report.wait_until is not None:
        # In the persona's zone, with its day, as the history's "Next try" will tell it once it waits.
        warnings.append(translate("CostLine", "X's pacing limits are reached: it would go out after {time}.").format(
            time=describe(report.wait_until, persona.timezone)))
    warnings += mentions.unlinked_mentions(services.networks, persona, parts)
    return CostView(f"≈ {costs.describe(estimate)} · {spent}", tip, tuple(warnings), tuple(errors))


class CostLine(QObject):
    """The cost label and the policy label above it, both over the foot row (the counter's) of a compose box."""

    def __init__(self, services: Services, workers: Workers, parent: QWidget) -> None:
        super().__init__(parent)
        self.services = services
        self.workers = workers
        self.cost = QLabel()
        self.cost.setObjectName("costLine")
        self.cost.setProperty("tone", "hint")
        # A line of its own, over the counter: beside it, the row's buttons left it too little room in a small
        # window or with the schedule panel open, and Qt cut it mid-word; it still wraps in a very narrow box.
        self.cost.setWordWrap(True)
        self.cost.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cost.hide()
        self.policy = QLabel()
        self.policy.setObjectName("policyLine")
        self.policy.setWordWrap(True)
        self.policy.hide()
        self._persona: Persona | None = None
        self._text = ""
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

    def place(self, layout: QBoxLayout, over: QWidget) -> None:
        """Put the policy line, then the cost, above the row that holds ``over`` (the counter)."""
        for i in range(layout.count()):
            if _holding(layout.itemAt(i).layout(), over) is not None:
                layout.insertWidget(i, self.cost)
                layout.insertWidget(i, self.policy)
                return
        layout.addWidget(self.policy)
        layout.addWidget(self.cost)

    def update_for(self, persona: Persona | None, text: str | Sequence[str]) -> None:
        """The text or persona changed: recompute shortly (the user may still be typing)."""
        self._persona, self._text = persona, text
        parts = [text] if isinstance(text, str) else list(text)
        if persona is None or (persona.network not in costs.PAID_NETWORKS | policy.POLICY_NETWORKS
                               and not mentions.may_mention(persona, parts)):
            self._generation += 1  # a result still on its way is for another persona
            self._timer.stop()
            self.cost.hide()
            self.policy.hide()
            return
        self._timer.start()

    @Slot()
    def refresh(self) -> None:
        """Compute now, in a worker; a newer request supersedes an older one still running."""
        persona, text = self._persona, self._text
        if persona is None:
            return
        self._generation += 1
        gen = self._generation
        services = self.services
        self.workers.submit(lambda: cost_view(services, persona, text), done=lambda v: self._show(gen, persona, v),
                            name="cost line")

    def _show(self, gen: int, persona: Persona, view: CostView) -> None:
        if gen != self._generation:
            return
        billed = persona.network in costs.PAID_NETWORKS
        self.cost.setText(view.cost)
        self.cost.setToolTip(view.cost_tip)
        self.cost.setVisible(billed)
        lines = [*view.errors, *view.warnings]
        set_tone(self.policy, "error" if view.errors else "warning")
        self.policy.setText("\n".join(lines))
        self.policy.setVisible(bool(lines))


def _holding(layout: QLayout | None, widget: QWidget) -> QHBoxLayout | QVBoxLayout | None:
    """The (nested) box layout that directly holds ``widget``."""
    if layout is None:
        return None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget and isinstance(layout, QHBoxLayout | QVBoxLayout):
            return layout
        found = _holding(item.layout(), widget)
        if found is not None:
            return found
    return None
