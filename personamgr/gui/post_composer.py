"""What every place that writes a post shares: the compose box and the editor of an existing post.

A :class:`PostComposer` holds a :class:`~personamgr.gui.thread_editor.ThreadEditor`
(text or thread, with images), the counter against the persona's limit, the
"Split into thread" and "Image…" buttons, a status line, X's cost and rules,
and the slot the persona guard hangs its meter in (:attr:`extras`). Before it
acts it nudges about images without alt text, then asks its :attr:`gate` (the
guard). What "save", "move" and "post anyway" mean is the subclass's: the
compose box keeps a draft per persona, the post editor changes one post.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from personamgr.core.i18n import number, translate
from personamgr.core.media import X_LIMITS, display_name, limits_of, missing_alt
from personamgr.core.personas import Persona
from personamgr.core.reason_words import StoredReason
from personamgr.core.text import counter_text, counting_rule, measure_for
from personamgr.gui.a11y import with_letters
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import Content
from personamgr.gui.thread_editor import PartEditor, ThreadEditor
from personamgr.gui.widgets import MessageLabel, set_tone
from personamgr.gui.workers import Workers

WARN_REMAINING = 20
Proceed = Callable[[], None]


class StatusLine(MessageLabel):
    """The line under the box. A tone belongs to its message, and so does being shown whole: a new message is plain
    and one line unless ``say`` makes it otherwise (a success must not show in the red of an earlier error). With
    nothing to say it takes no room: on a short window its blank line pushed Post below compose's fold."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt API)
        if self.wordWrap():
            self.setWordWrap(False)
        super().setText(text)
        set_tone(self, "hint")
        self.setHidden(not text)


class PostComposer(QWidget):
    """The shared half of the compose box and the post editor. Subclasses put their buttons in :attr:`foot`."""

    contentChanged = Signal()  # noqa: N815 (Qt naming) any part's text, the parts, or the images changed
    canSendChanged = Signal(bool)  # noqa: N815 (Qt naming) whether the content may be posted or scheduled now

    def __init__(self, controller: PersonaController, workers: Workers, uid: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.services = controller.services
        self.workers = workers
        self._uid = uid  # the persona whose post this is
        # Asked before Post / Schedule / Save act: gate(action, proceed) calls proceed() or not (the guard).
        self.gate: Callable[[str, Proceed], None] | None = None
        self.alt_question: QMessageBox | None = None  # the last "no alt text" nudge (tests answer it)
        self.why_not_send = ""  # why the content cannot be posted or scheduled now ("" when it can): measure_content

        self.editor = PartEditor()
        self.editor.setObjectName("composeEditor")
        self.editor.setAccessibleName(translate("PostComposer", "Compose"))
        self.editor.setMinimumHeight(84)
        self.thread = ThreadEditor(self.editor, workers, lambda: self.services.media_dir,
                                   in_place=self.services.store.ensure_in_place)
        self.thread.setObjectName("threadEditor")
        self.thread.contentChanged.connect(self._content_changed)
        self.thread.message.connect(self._thread_message)
        self.thread.imagesRead.connect(self.measure_content)

        self.extras = QVBoxLayout()  # the guard's meter and warnings go here
        self.extras.setContentsMargins(0, 0, 0, 0)
        self.status = StatusLine(self)  # one line; a long message is cut with "…" and shown whole in its tooltip
        self.status.setObjectName("composeStatus")
        self.status.hide()  # until it has something to say
        self.status.setProperty("tone", "hint")

        self.image_button = QPushButton(translate("PostComposer", "Image…"))
        self.image_button.setObjectName("imageButton")
        self.image_button.setToolTip(translate("PostComposer", "Attach images (up to 4 per post): or drop them on the "
                                               "text, or paste one"))
        self.image_button.clicked.connect(lambda _checked=False: self.thread.choose_images())
        self.split_button = QPushButton(translate("PostComposer", "Split into thread"))
        self.split_button.setObjectName("splitButton")
        self.split_button.setToolTip(translate("PostComposer", "Cut the text into posts that each fit, at sentence "
                                               "boundaries; every part can then be edited, merged, moved or deleted"))
        self.split_button.clicked.connect(self.split_into_thread)
        self.thread_button = QPushButton(translate("PostComposer", "+ Thread"))
        self.thread_button.setObjectName("threadButton")
        self.thread_button.setToolTip(translate("PostComposer", "Add a second post after this one: a thread, which "
                                                "goes out as one (Ctrl+Shift+N)"))
        self.thread_button.clicked.connect(lambda _checked=False: self.thread.add_part())
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        self.counter.setAccessibleName(translate("PostComposer", "Length"))
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._counter_limit = 0  # the limit the counter's width was reserved for (see measure_content)
        self._counter_width = 0
        # Two rows: what goes into the post, then how it goes out. On one row they did not fit a narrow window
        # (or a longer language) and the buttons were squeezed until their words were cut.
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.image_button)
        self.tools.addWidget(self.thread_button)
        self.tools.addWidget(self.split_button)
        self.tools.addStretch(1)
        self.foot = QHBoxLayout()
        self.foot.addStretch(1)
        self.foot.addWidget(self.counter)
        self.foot.addSpacing(8)

    def _attach_cost_line(self) -> None:
        """X's price, this month's spend and X's rules for the post, by the counter (hidden on the sandbox)."""
        from personamgr.gui.cost_line import CostLine

        self.cost_line = CostLine(self.services, self.workers, self)
        self.cost_line.place(self.layout(), self.counter)  # type: ignore[arg-type]

    def _follow_cost(self, *_args: object) -> None:
        self.cost_line.update_for(self.persona(), self.parts())

    # -- what the subclass says ------------------------------------------------------------
    @property
    def current_uid(self) -> str:
        """The persona whose post this is."""
        return self._uid

    def persona(self) -> Persona | None:
        return self.controller.persona(self._uid)

    def post_id(self) -> int | None:
        """The post in the database this box edits, if any: the guard does not count it among its neighbours."""
        return None

    def busy(self) -> bool:
        """True while the content may not change or go out (being sent, waiting out its undo time)."""
        return False

    def accept_override(self, reasons: Sequence[StoredReason]) -> int | None:
        """Keep the content as it is now and remember that the user chose "post anyway". Returns the post id."""
        raise NotImplementedError

    def override_stands(self) -> bool:
        """Whether "post anyway" was chosen for (nearly) this content already."""
        raise NotImplementedError

    def move_draft_to(self, uid: str) -> bool:
        raise NotImplementedError

    def target_has_draft(self, uid: str) -> bool:
        return False

    def flush(self) -> None:
        """Keep what is in the box now (the compose box saves its draft; the post editor saves on Save)."""

    # -- content ---------------------------------------------------------------------------
    def parts(self) -> list[str]:
        return self.thread.parts()

    def content(self) -> Content:
        return Content.of(self.parts(), self.thread.media)

    def set_content(self, content: Content) -> None:
        self.thread.set_content(list(content.parts), list(content.media))

    def has_words(self) -> bool:
        return any(p.strip() for p in self.parts())

    @Slot()
    def split_into_thread(self) -> None:
        if self.thread.split():
            n = len(self.parts())
            split = translate("PostComposer", "Split into {n} posts. Edit, merge, move or delete any of them; the "
                              "thread goes out as one.").format(n=n)
            if gifs := self.thread.gif_not_alone():  # the images went with the first part: a GIF there is said still
                self.say(f"{split} {gifs}", "error", whole=True)
            else:
                self.say(split)

    def _content_changed(self) -> None:
        self.contentChanged.emit()

    def _thread_message(self, text: str, tone: str) -> None:
        self.say(text, tone or "hint", whole=tone == "error")  # an image refused, or to move: the user acts on it

    def say(self, message: str, tone: str = "hint", *, whole: bool = False) -> None:
        """One line under the box about what just happened; ``whole``: on as many lines as it needs, for a message
        that must not be cut (a warning the user acts on)."""
        self.status.setText(message)
        if whole:
            self.status.setWordWrap(True)
        set_tone(self.status, tone)

    def content_warning(self) -> str:
        """The content warning the post will carry (it counts toward Mastodon's limit): the persona's default."""
        persona = self.persona()
        return persona.content_warning if persona is not None and persona.network == "mastodon" else ""

    # -- measuring -------------------------------------------------------------------------
    def measure_content(self) -> bool:
        """Counters, the Split button and the verdict on sending; returns whether the content may go out."""
        persona = self.persona()
        limit = persona.char_limit if persona else 280
        if limit != self._counter_limit:
            # As wide as the longest count this persona can show ("999 / 280"), so the buttons beside it stay put
            # while typing; a Premium persona's counter is wider, a standard one leaves the row room.
            self._counter_limit = limit
            widest = f"{number(limit * 10 - 1)} / {number(limit)}"
            self._counter_width = self.counter.fontMetrics().horizontalAdvance(widest) + 6
            self.counter.setMinimumWidth(self._counter_width)
        network = self.services.networks.get(persona.network) if persona else None
        warning = self.content_warning()
        counting = None
        if persona is not None:  # the persona's network's count (Mastodon's counts the content warning too)
            counting = (f"{persona.network}:{persona.url_chars}:{warning}",
                        lambda text, p=persona, cw=warning: measure_for(p, text, cw))
        self.thread.set_limit(limit, limits_of(network, persona) if network is not None else X_LIMITS, counting)
        parts = self.parts()
        over = self.thread.too_long()
        if not self.thread.is_thread():
            m = self.thread.measurer(parts[0])
            self.counter.setText(counter_text(m))
            if m.too_long:
                tone, tip = "strong-error", (
                    translate("PostComposer", "{over} bytes over the limit").format(over=number(m.bytes_over))
                    if m.length <= m.limit else
                    translate("PostComposer", "{over} over the limit").format(over=number(-m.remaining)))
            elif m.remaining <= WARN_REMAINING:
                tone, tip = "strong-warning", translate("PostComposer", "{left} left").format(left=number(m.remaining))
            else:
                tone, tip = "", translate("PostComposer", "{left} left").format(left=number(m.remaining))
            if persona is not None:
                tip += ". " + counting_rule(persona)
            self.counter.setProperty("tooLong", m.too_long)
        else:
            self.counter.setText(translate("PostComposer", "{n} posts").format(n=len(parts)))
            tone = "strong-error" if over else ""
            tip = translate("PostComposer", "A thread: each part is counted on its own, against {limit}.").format(
                limit=number(limit))
            self.counter.setProperty("tooLong", bool(over))
        set_tone(self.counter, tone)
        # "3,016 / 3,000 bytes" is wider than any count of characters: room for it while it shows, in its bold tone
        # (in Spanish the buttons beside it left too little, and its first digit was cut)
        self.counter.setMinimumWidth(max(self._counter_width, self.counter.fontMetrics().horizontalAdvance(
            self.counter.text()) + 6))
        self.counter.setToolTip(tip)
        self.split_button.setVisible(bool(over))  # the guard's own advice for a long text
        self.split_button.setEnabled(not self.busy())
        self.thread_button.setVisible(not self.thread.is_thread() and not over)
        self.thread_button.setEnabled(persona is not None and not self.busy())
        self.image_button.setEnabled(persona is not None and not self.busy())
        self.thread.set_read_only(self.busy())
        empty = self.thread.empty_parts()
        self.why_not_send = self._why_not(persona, over, empty)
        if persona is not None and over:
            if self.thread.is_thread():
                self.say(translate("PostComposer", "Part {parts} is too long for {persona}: shorten it, merge "
                                   "differently, or split again.").format(parts=", ".join(map(str, over)),
                                                                          persona=persona.name), "error")
            else:
                m = self.thread.measurer(parts[0])
                self.say((translate("PostComposer", "Too long for {persona} by {n} bytes: shorten it, or split it "
                                    "into a thread.").format(persona=persona.name, n=number(m.bytes_over))
                          if m.length <= m.limit else
                          translate("PostComposer", "Too long for {persona} by {n}: shorten it, or split it into a "
                                    "thread.").format(persona=persona.name, n=number(-m.remaining))), "error")
        elif empty:
            self.say(translate("PostComposer", "Part {parts} is empty: write it or delete it.").format(
                parts=", ".join(map(str, empty))), "warning")
        elif gifs := self.thread.gif_not_alone():  # said again after every change, on the part it is on now
            self.say(gifs, "error", whole=True)
        return not self.why_not_send

    def _why_not(self, persona: Persona | None, over: Sequence[int], empty: Sequence[int]) -> str:
        """Why the content cannot go out now, in a sentence; "" when it can. Every way to post or schedule it (the
        buttons, the Compose menu, their keys) follows this one answer."""
        if persona is None:
            return translate("PostComposer", "Add a persona first: a post goes out as one.")
        if self.busy():
            return translate("PostComposer", "Wait: the post in the box is on its way.")
        if not self.has_words() and not self.thread.media:
            return translate("PostComposer", "Nothing to send yet: write the post first.")
        if over:
            return translate("PostComposer", "Too long for {persona}: shorten it, or split it into a thread.").format(
                persona=persona.name)
        if empty:
            return translate("PostComposer", "Part {parts} is empty: write it or delete it.").format(
                parts=", ".join(map(str, empty)))
        if self.thread.pending_imports:
            return translate("PostComposer", "Wait: the images are still being added.")
        return ""

    # -- asking before acting --------------------------------------------------------------
    def guarded(self, action: str, proceed: Proceed) -> None:
        """Run ``proceed`` once images have alt text (or the user goes without) and the gate (the guard) agrees;
        ``action`` is "post", "schedule", "queue" or "save"."""
        def gate() -> None:
            if self.gate is None:
                proceed()
            else:
                self.gate(action, proceed)

        self.nudge_alt(action, gate)

    def nudge_alt(self, action: str, then: Proceed) -> None:
        """Images without alt text: say so once, before they go out. Add it (the default), or go on without."""
        missing = missing_alt(self.thread.media)
        if not missing or action == "save":
            then()
            return
        names = ", ".join(missing)
        text = (translate("PostComposer", "An image has no alt text: {names}.") if len(missing) == 1
                else translate("PostComposer", "{n} images have no alt text: {names}.")).format(n=len(missing),
                                                                                             names=names)
        box = QMessageBox(QMessageBox.Icon.Question, translate("PostComposer", "Images without alt text"), text,
                          QMessageBox.StandardButton.NoButton, self.window())
        box.setObjectName("altNudge")
        box.setInformativeText(translate("PostComposer", "People who use a screen reader will not know what it "
                                         "shows. A sentence is enough.") if len(missing) == 1 else
                               translate("PostComposer", "People who use a screen reader will not know what they "
                                         "show. A sentence is enough."))
        add = box.addButton(translate("PostComposer", "Add alt text"), QMessageBox.ButtonRole.RejectRole)
        go = box.addButton(translate("PostComposer", "Continue without"), QMessageBox.ButtonRole.AcceptRole)
        with_letters(box)
        box.setDefaultButton(add)
        box.setEscapeButton(add)

        def done(_result: int) -> None:
            if box.clickedButton() is go:
                then()
                return
            first = next((m for m in self.thread.media if display_name(m) == missing[0]), None)
            if first is not None:
                self.thread.edit_alt(first)

        box.finished.connect(done)
        if self.alt_question is not None and not self.alt_question.isVisible():
            self.alt_question.deleteLater()
        self.alt_question = box
        box.open()

    def focus_editor(self) -> None:
        editor = self.thread.editors[self.thread.focused_part()] if self.thread.is_thread() else self.editor
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)

