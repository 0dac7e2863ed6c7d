"""The persona guard in the compose box: a live fit meter, the reasons a draft strays, and asking once.

:class:`GuardPanel` owns the loaded :class:`~personamgr.core.guard.Guard` (loaded
in a worker after the first frame) and runs every check in a worker, debounced,
keeping only the result for the text that is in the box now. It also gates
Post, Schedule… and Add to queue (``PostComposer.gate``): a draft that fits goes
straight through; a straying one asks once (Post anyway / Move to … / Edit);
"post anyway" is remembered on the post until the text changes substantially
(``core.outbox.override_stands``, the same rule the CLI and the scheduler follow).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from personamgr.core.faults import STORAGE_ERRORS, describe
from personamgr.core.holds import HoldKind, hold_kind
from personamgr.core.i18n import number, translate
from personamgr.core.personas import Persona, PersonaError, Sensitivity
from personamgr.core.services import Services
from personamgr.gui.guard_widgets import AMBER, GREEN, RED, Choice, FitMeter, GuardDialog, GuardWarning, LearnBar
from personamgr.gui.post_composer import PostComposer

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
# X itself refuses these, so "post anyway" is not offered (other blocking reasons are the user's call).
HARD_KINDS = frozenset({"too_long", "cashtags"})
# Reasons tied to the persona, which moving the draft to a better-fitting one can cure.
MOVE_HELPS = frozenset({"topic", "avoid", "leak"})

Proceed = Callable[[], None]


@dataclass(frozen=True)
class CheckKey:
    """What a result was computed for; a result for any other key is stale."""

    uid: str
    text: str  # every part, joined: what "nothing written yet" and the learn bar look at
    personas: int  # the persona-set version (bumped on every persona change)
    parts: tuple[str, ...] = ()  # a thread is judged as a whole (core.guard.post_check)


class GuardPanel(QObject):
    """Fit meter, warning and learn bar in ``compose.extras``; the ask-once gate for sending."""

    resultShown = Signal(object)  # noqa: N815 (Qt naming) the GuardResult now on screen
    stateChanged = Signal(str)  # noqa: N815 (Qt naming) idle, loading, ready, failed

    def __init__(self, compose: PostComposer, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.compose = compose
        self.services = services
        self.controller = compose.controller
        self.workers = compose.workers
        self.guard: Any = None
        self.state = "idle"  # nobody asked for the model yet: nothing is checked and nothing is held back
        self.error = ""
        self.checks_started = 0
        self.result: Any = None  # the GuardResult on screen
        self.result_key: CheckKey | None = None
        self.dialog: GuardDialog | None = None
        self._version = 0
        self._in_flight: CheckKey | None = None
        self._waiting: tuple[str, Proceed] | None = None  # a Post/Schedule click waiting for its verdict

        self.meter = FitMeter()
        self.warning = GuardWarning()
        self.learn = LearnBar()
        compose.extras.addWidget(self.meter)
        compose.extras.addWidget(self.warning)
        compose.extras.addWidget(self.learn)
        self.meter.sensitivityChosen.connect(self.set_sensitivity)
        self.warning.moveRequested.connect(self.move_to)
        self.learn.learnRequested.connect(self.learn_from_this)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.check_now)
        compose.contentChanged.connect(self._on_text)
        self.controller.activePersonaChanged.connect(self._on_persona)
        self.controller.personasChanged.connect(self._on_personas)
        compose.gate = self.gate
        self._show_idle()

    # -- loading -------------------------------------------------------------------------
    def load(self, loader: Callable[[], Any] | None = None) -> None:
        """Load the model in a worker (``loader`` defaults to ``Guard.load``); the meter says so meanwhile."""
        if self.state in ("loading", "ready"):
            return
        personas = self.controller.personas

        def work() -> Any:
            if loader is None:
                from personamgr.core.guard import Guard

                guard = Guard.load()
            else:
                guard = loader()
            if personas:
                guard.prepare(personas)  # persona profiles now, not on the first keystroke
            return guard

        self._set_state("loading")
        self._show_idle()
        self.workers.submit(work, done=self._loaded, failed=self._load_failed, name="guard-load")

    def _loaded(self, guard: Any) -> None:
        self.guard = guard
        self._set_state("ready")
        log.info("persona guard ready (%.2f s)", getattr(guard, "load_seconds", 0.0))
        self.check_now()

    def _load_failed(self, error: BaseException) -> None:
        log.error("the persona guard could not load", exc_info=error)
        self.error = str(error) or type(error).__name__
        self._set_state("failed")
        self._show_idle()
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            waiting[1]()  # posting stays possible without the guard

    def _set_state(self, state: str) -> None:
        self.state = state
        self.stateChanged.emit(state)

    # -- checking ------------------------------------------------------------------------
    def current_key(self) -> CheckKey:
        parts = tuple(self.compose.parts())
        return CheckKey(self.compose.current_uid, "\n\n".join(parts), self._version, parts)

    @Slot()
    def _on_text(self) -> None:
        self._debounce.start()

    @Slot(str, str)
    def _on_persona(self, _uid: str, _previous: str) -> None:
        self.learn.hide()
        self._debounce.stop()
        self._show_idle()
        self.check_now()

    @Slot()
    def _on_personas(self) -> None:
        self._version += 1
        self._sync_sensitivity()
        self.check_now()

    @Slot()
    def check_now(self) -> None:
        """Check the text in the box now (in a worker). One check at a time; the newest text wins."""
        self._debounce.stop()
        key = self.current_key()
        persona = self.controller.persona(key.uid)
        if self.state != "ready" or persona is None:
            self._show_idle()
            return
        if not key.text.strip():
            self._show_idle()
            self._resolve_waiting()
            return
        if key == self.result_key:
            self._show(self.result)
            self._resolve_waiting()
            return
        if self._in_flight is not None:
            return  # when it lands, the newer text is checked
        self._in_flight = key
        self.checks_started += 1
        guard, outbox = self.guard, self.services.outbox
        personas = self.controller.personas
        name, besides = persona.name, self.compose.post_id()

        def work() -> Any:
            from personamgr.core.guard.post_check import check_parts  # with the model, never on the first frame

            # among what went out and what is on its way: a copy of a queued post is said now, not held later
            return check_parts(guard, personas, key.parts, name, recent=outbox.recent_texts(),
                               upcoming=outbox.upcoming_texts(besides))

        self.workers.submit(work, done=lambda r: self._checked(key, r), failed=lambda e: self._check_failed(key, e),
                            name="guard-check")

    def _checked(self, key: CheckKey, result: Any) -> None:
        self._in_flight = None
        if key != self.current_key():
            self.check_now()  # stale: the user kept typing or switched persona
            return
        self.result, self.result_key = result, key
        self._show(result)
        self.resultShown.emit(result)
        self._resolve_waiting()

    def _check_failed(self, key: CheckKey, error: BaseException) -> None:
        self._in_flight = None
        log.error("the persona guard failed on a draft", exc_info=error)
        self.meter.set_quiet(translate("GuardPanel", "The fit check failed on this text ({error}). You can still "
                                                     "post.").format(error=error), "failed")
        self.warning.hide()
        waiting, self._waiting = self._waiting, None
        if waiting is not None and key == self.current_key():
            waiting[1]()

    # -- showing -------------------------------------------------------------------------
    def _persona(self) -> Persona | None:
        return self.controller.persona(self.compose.current_uid)

    def _sync_sensitivity(self) -> None:
        persona = self._persona()
        self.meter.sensitivity.setVisible(persona is not None)
        if persona is not None:
            self.meter.set_sensitivity(persona.name, persona.sensitivity.value)

    def _show_idle(self) -> None:
        self._sync_sensitivity()
        self.warning.hide()
        persona = self._persona()
        if self.state == "failed":
            self.meter.set_quiet(translate("GuardPanel", "The persona guard could not start ({error}). Posting still "
                                                         "works, without the fit "
                                                         "check.").format(error=self.error), "failed")
        elif persona is None:
            self.meter.set_quiet("")
        elif self.state in ("idle", "loading"):
            self.meter.set_quiet(translate("GuardPanel", "checking fit…"), "loading")
        else:
            self.meter.set_quiet(translate("GuardPanel", "The fit with {name}'s focus shows here as you "
                                                         "type.").format(name=persona.name), "empty")

    def _show(self, result: Any) -> None:
        self._sync_sensitivity()
        name = result.persona
        tip = translate("GuardPanel", "Fit per persona (0.5 is the normal threshold):") + "\n" + "\n".join(
            f"  {n}: {number(s, 2)}" for n, s in sorted(result.scores.items(), key=lambda kv: -kv[1]))
        # Too long is already shown by the counter and the status line (and Post is off): not said twice.
        warnings = [r for r in result.warnings if r.kind != "too_long"]
        topic_off = any(r.kind == "topic" for r in warnings)
        if not result.judged and not warnings:
            why = next((r for r in result.reasons if r.kind in ("language", "empty")), None)
            if why is None:
                self.meter.set_quiet(translate("GuardPanel", "The topic check cannot judge this text; the other "
                                                             "checks ran."), "unjudged")
            else:  # the meter is one line: a few words there, the whole reason in the tooltip
                self.meter.set_quiet(why.summary or why.message, "unjudged", why.message)
        elif not warnings:
            text = translate("GuardPanel", "fits {name} · {score}").format(name=name, score=number(result.score, 2))
            self.meter.set_result(text, result.score, result.threshold, colour=GREEN, tip=tip, state="fits")
        else:
            colour = RED if any(r.kind in HARD_KINDS for r in warnings) else AMBER
            if topic_off:
                text = translate("GuardPanel", "strays from {name} · {score}").format(
                    name=name, score=number(result.score, 2))
            elif not result.judged:  # another check warns; the topic has no score to show
                text = translate("GuardPanel", "{name} · needs a look").format(name=name)
                tip = next((r.message for r in result.reasons if r.kind in ("language", "empty")), "")
            else:
                text = translate("GuardPanel", "{name} · {score} · needs a look").format(
                    name=name, score=number(result.score, 2))
            short = text  # the warning under the meter says the rest, with the button that moves the post
            if self._move_target(result):
                text += " — " + translate("GuardPanel", "fits {name} better").format(name=result.suggest)
            self.meter.set_result(text, result.score if result.judged else None, result.threshold, colour=colour,
                                  tip=tip, state="strays", short=short)
        if not warnings:
            self.warning.hide()
            return
        kind = hold_kind(r.kind for r in warnings)
        if topic_off or kind is HoldKind.OFF_FOCUS:
            title = translate("GuardPanel", "This may not belong on {name}.").format(name=name)
        else:  # the real reason: a near-duplicate is not "may not belong here"
            title = kind.headline(name, [r.kept() for r in warnings])
        self.warning.show_reasons(title, [r.message for r in warnings], self._move_target(result))

    def _move_target(self, result: Any) -> str | None:
        """The persona to offer "Move to" for: only when moving helps (off focus, an avoid-topic, a leak),
        not for what moving does not cure (two cashtags on X, a duplicate, too long)."""
        suggest = result.suggest
        if not suggest or suggest == result.persona or not self._uid_of(suggest):
            return None
        if not any(r.kind in MOVE_HELPS for r in result.warnings):
            return None
        return str(suggest)

    def _uid_of(self, name: str) -> str:
        return next((p.uid for p in self.controller.personas if p.name == name), "")

    # -- moving --------------------------------------------------------------------------
    @Slot(str)
    def move_to(self, name: str) -> bool:
        """Carry the draft to persona ``name`` and switch to it, so the user sees it land."""
        uid = self._uid_of(name)
        if not uid:
            return False
        return self.compose.move_draft_to(uid)

    # -- sensitivity ---------------------------------------------------------------------
    @Slot(str)
    def set_sensitivity(self, level: str) -> None:
        """The quick per-persona choice beside the meter (the persona editor has the same setting)."""
        persona = self._persona()
        if persona is None or persona.sensitivity.value == level:
            return

        def failed(error: BaseException) -> None:
            self.compose.status.setText(translate("GuardPanel", "Could not change {name}'s sensitivity: "
                                                                "{e}").format(name=persona.name, e=self._why(error)))

        try:
            changed = persona.with_changes(sensitivity=Sensitivity(level))
        except (PersonaError, ValueError) as e:
            failed(e)
            return
        shown = translate("settings", level.capitalize()).lower()
        said = translate("GuardPanel", "The guard is now {level} on {name}.").format(level=shown, name=persona.name)
        self._write(lambda: self.services.store.update_persona(changed), lambda: self.compose.status.setText(said),
                    failed, "sensitivity")

    def _write(self, fn: Callable[[], object], done: Callable[[], None], failed: Callable[[BaseException], None],
               name: str) -> None:
        """A change to a persona, written in a worker (the store may wait for another program's lock)."""
        def not_written(error: BaseException) -> None:
            if not isinstance(error, (PersonaError, ValueError, *STORAGE_ERRORS)):
                raise error
            failed(error)

        self.workers.submit(fn, done=lambda _r: done(), failed=not_written, name=name, lane="persona changes")

    def _why(self, error: BaseException) -> str:
        """``error`` in words: a storage fault as such, anything else as it says."""
        return describe(error, self.services.store.path) or str(error)

    # -- the gate: ask once --------------------------------------------------------------
    def gate(self, action: str, proceed: Proceed) -> None:
        """Called by Post ("post"), Schedule… ("schedule") and Add to queue ("queue") before they act."""
        if self.state in ("idle", "failed") or self.dialog is not None:
            if self.dialog is None:
                proceed()
            return
        if self._waiting is not None:
            return  # already checking for a click
        self._waiting = (action, proceed)
        self.compose.status.setText(translate("GuardPanel", "Checking the fit before it goes out…"))
        if self.state == "ready":
            self.check_now()

    def _resolve_waiting(self) -> None:
        if self._waiting is None or self.state != "ready":
            return
        key = self.current_key()
        if key != self.result_key and key.text.strip():
            self.check_now()
            return
        action, proceed = self._waiting
        self._waiting = None
        self.compose.status.setText("")
        if not key.text.strip() or self.result is None or key != self.result_key:
            proceed()
            return
        self._decide(action, proceed, self.result)

    def _decide(self, action: str, proceed: Proceed, result: Any) -> None:
        warnings = list(result.warnings)
        if result.fits or not warnings:
            proceed()
            return
        hard = any(r.kind in HARD_KINDS for r in warnings)
        if not hard and self._override_stands():
            proceed()
            return
        persona = self._persona()
        if persona is None:
            return
        dialog = GuardDialog(action, persona.name, [r.message for r in warnings], self._move_target(result),
                             hard=hard, kind=hold_kind(r.kind for r in warnings), found=[r.kept() for r in warnings],
                             parent=self.compose.window())
        self.dialog = dialog
        uid, text = persona.uid, self.current_key().text

        def chosen(choice: Choice) -> None:
            self.dialog = None
            dialog.deleteLater()
            if choice is Choice.ANYWAY:
                self._post_anyway(uid, text, result, proceed)
            elif choice is Choice.MOVE:
                self._move_then(action, proceed, result)
            self._back_to_the_box()

        dialog.chosen.connect(chosen)
        dialog.open()

    def _back_to_the_box(self) -> None:
        """The window takes the keyboard again, in the box: whatever the choice, the next key (Ctrl+Return to post
        what was moved, or more words) is for the post. Without this, under X with no window manager to hand the
        window back its activation, Compose's shortcuts stayed dead after the dialog until a click."""
        window = self.compose.window()
        if window.isVisible():
            window.activateWindow()
        self.compose.focus_editor()

    def _post_anyway(self, uid: str, text: str, result: Any, proceed: Proceed) -> None:
        if self.compose.current_uid != uid or self.current_key().text != text:
            return  # the box changed under the dialog: nothing the user did not see goes out
        if text.strip():
            self.compose.accept_override([r.kept() for r in result.warnings])
        proceed()
        persona = self.controller.persona(uid)
        if persona is not None and any(r.kind == "topic" for r in result.warnings):
            self.learn.offer(uid, persona.name, text.strip())

    def _move_then(self, action: str, proceed: Proceed, result: Any) -> None:
        target = self._move_target(result)
        if not target:
            return
        target_uid = self._uid_of(target)
        had_draft = self.compose.target_has_draft(target_uid)
        if not self.move_to(target):
            return
        # What to do next, acted on: said whole, on the lines it needs (one line cut it at "press Post to send it a…")
        if action == "post":
            self.compose.say(translate("GuardPanel", "Moved to {target}. Nothing was posted: press Post to send it as "
                                                     "{target}.").format(target=target), whole=True)
        elif had_draft:
            self.compose.say(translate("GuardPanel", "Moved to {target}, where it joined the draft you had there. "
                                                     "Check it, then schedule it.").format(target=target), whole=True)
        else:
            self.gate(action, proceed)  # the schedule comes along; the guard looks again for the new persona

    # -- remembering "post anyway" -------------------------------------------------------
    def _override_stands(self) -> bool:
        """The user already chose "post anyway" for (nearly) this content (``core.outbox.override_stands``)."""
        return self.compose.override_stands()

    # -- learn from this -----------------------------------------------------------------
    @Slot()
    def learn_from_this(self) -> None:
        """Add the accepted text to the persona's example posts, because the user asked to."""
        uid, text = self.learn.persona_uid, self.learn.text
        persona = self.controller.persona(uid)
        if persona is None or not text:
            self.learn.hide()
            return
        if text in persona.examples:
            self.learn.done(translate("GuardPanel", "It is already one of {name}'s example "
                                                    "posts.").format(name=persona.name))
            return
        def failed(error: BaseException) -> None:
            self.learn.done(translate("GuardPanel", "Could not add it to {name}'s examples: "
                                                    "{e}").format(name=persona.name, e=self._why(error)))

        try:
            changed = persona.with_changes(examples=(*persona.examples, text))
        except PersonaError as e:
            failed(e)
            return
        said = translate("GuardPanel", "Added to {name}'s example posts. Edit them any time in the persona's "
                                       "settings.").format(name=persona.name)
        self._write(lambda: self.services.store.update_persona(changed), lambda: self.learn.done(said), failed,
                    "learn example")
