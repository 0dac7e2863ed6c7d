"""The main window: personas on the left; compose and history on the right; keyring state below.

Everything the tray does is reachable here too (GNOME on Wayland has no tray):
the persona list, the "Post as" combo and the Persona menu all switch persona.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from personamgr.core.demo import connect_refusal
from personamgr.core.i18n import translate
from personamgr.core.outbox import Post, PostState
from personamgr.core.services import Services
from personamgr.gui.a11y import with_letters
from personamgr.gui.accounts_text import network_name
from personamgr.gui.compose import ComposeWidget
from personamgr.gui.connect_accounts import AccountConnectDialog
from personamgr.gui.connect_dialog import ConnectDialog, ConnectionBanner
from personamgr.gui.controller import PersonaController
from personamgr.gui.drafts import DraftKeeper
from personamgr.gui.help import keys
from personamgr.gui.history import HistoryView
from personamgr.gui.history_actions import PostActionBar
from personamgr.gui.keyring_status import KeyringStatusLabel
from personamgr.gui.persona_editor import PersonaManager
from personamgr.gui.persona_finder import PersonaFinder
from personamgr.gui.persona_list import PersonaList
from personamgr.gui.post_actions import PostActions
from personamgr.gui.screen_fit import DEFAULT_SIZE, fit_to_screen, keep_panels_on_screen
from personamgr.gui.server_notice import ServerNotice
from personamgr.gui.settings_notice import SettingsNotice
from personamgr.gui.welcome import WelcomePage
from personamgr.gui.widgets import MessageBar, tab_stops
from personamgr.gui.workers import StoreEvents, Workers
from personamgr.gui.zone_notice import ZoneNotice

LAYOUT_KEY = "window_layout"  # settings key: the window geometry and dock state, base64
MENU_PERSONAS = 10  # the Persona menu lists them all up to this many: a longer menu runs off a small screen


def _section(title: str) -> QLabel:
    label = QLabel(title.upper())
    label.setProperty("section", True)  # the theme's stylesheet sets its look
    return label


def _splitter(orientation: Qt.Orientation, first: QWidget, second: QWidget, *, sizes: list[int],
              handle: int) -> QSplitter:
    """``first`` keeps its size and ``second`` takes what the window gains; neither can be squeezed away."""
    split = QSplitter(orientation)
    split.addWidget(first)
    split.addWidget(second)
    split.setStretchFactor(0, 0)
    split.setStretchFactor(1, 1)
    split.setSizes(sizes)
    split.setChildrenCollapsible(False)
    split.setHandleWidth(handle)
    return split


def _around(layout: QLayout, middle: QWidget) -> tuple[list[QWidget], list[QWidget]]:
    """Where Tab stops in the widgets of ``layout`` shown over ``middle``, and in those under it."""
    over: list[QWidget] = []
    under: list[QWidget] = []
    side = over
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if widget is middle:
            side = under
        elif widget is not None:
            side += tab_stops(widget)
    return over, under


class RowsLayout(QVBoxLayout):
    """Compose's card: rows whose wrapped lines already set their heights as minimums (the draft bar, the meter,
    the guard's warning). Asked for a height for its width, a layout answers its rows' preferred heights, which
    the scroll area around it took as the least it could give: a tall text box and compose's buttons out of sight."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return False


class UnsqueezedArea(QScrollArea):
    """Holds compose: asks for all the room compose needs, and where the window has less (its minimum height,
    a small screen with the draft bar, the guard's warning and the schedule panel all shown) scrolls up and down
    instead of squeezing it: a squeezed layout drew its rows over each other and cut its sentences."""

    def __init__(self, inner: QWidget) -> None:
        super().__init__()
        self.setObjectName("composeArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds, not to the frame
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # as wide as compose needs
        self.setWidget(inner)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        inner = self.widget().minimumSizeHint()
        return QSize(inner.width() + self.verticalScrollBar().sizeHint().width(), inner.height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.minimumSizeHint().expandedTo(self.widget().sizeHint())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # compose needs more or less room now (a bar, a warning came or went)
        return super().eventFilter(watched, event)


class MainWindow(QMainWindow):
    hiddenToTray = Signal()  # noqa: N815 (Qt naming) the window was closed but the app keeps running in the tray
    quitRequested = Signal()  # noqa: N815 (Qt naming)
    settingsRequested = Signal()  # noqa: N815 (Qt naming)
    ownProfileRequested = Signal()  # noqa: N815 (Qt naming) from the demo: open the user's own profile

    def __init__(self, services: Services, controller: PersonaController, drafts: DraftKeeper, workers: Workers,
                 events: StoreEvents, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.controller = controller
        self.demo = demo
        self.demo_connect_box: QMessageBox | None = None  # the demo's answer to Connect account… (tests read it)
        self.close_to_tray = False  # set by the app when a tray icon is really shown
        self.setObjectName("mainWindow")
        self.resize(DEFAULT_SIZE)
        # A height only: the width is what the personas, compose and the open panels need side by side (compose
        # scrolls up and down when the window is shorter than it, but is never narrower than its rows).
        self.setMinimumHeight(460)

        self.persona_list = PersonaList(controller)
        left = QWidget()
        left.setObjectName("leftPane")
        left.setMinimumWidth(180)  # names stay readable; and the window fits half of a 1366 px screen in Spanish
        lv = QVBoxLayout(left)
        lv.setContentsMargins(8, 14, 8, 8)
        lv.setSpacing(6)
        title = _section(translate("MainWindow", "Personas"))
        title.setContentsMargins(10, 0, 0, 0)
        lv.addWidget(title)
        self.persona_finder = PersonaFinder(controller, self.persona_list)
        finder_row = QHBoxLayout()
        finder_row.setContentsMargins(4, 0, 4, 0)  # in line with the rows' highlight
        finder_row.addWidget(self.persona_finder)
        lv.addLayout(finder_row)
        self.persona_finder.nothing_found.setContentsMargins(10, 4, 4, 0)
        lv.addWidget(self.persona_finder.nothing_found)
        lv.addWidget(self.persona_list, 1)

        self.compose = ComposeWidget(controller, drafts, workers)
        self.workers = workers
        self.connection_banner = ConnectionBanner(services, controller, workers, events)
        self.connection_banner.reconnectRequested.connect(self.open_connect_dialog)
        self.connection_banner.stateFound.connect(self.compose.set_account_state)
        self.settings_notice = SettingsNotice(services.settings)
        self.settings_notice.openRequested.connect(self.settingsRequested)
        self.zone_notice = ZoneNotice(controller)
        self.server_notice = ServerNotice(services, controller, workers)
        self.server_notice.reconnectRequested.connect(self.open_connect_dialog)
        self.history = HistoryView(services, controller, drafts, workers, events)
        self.post_actions = PostActions(services, controller, drafts, workers, compose=self.compose, parent=self)
        self.history.post_actions = self.post_actions
        self.personas = PersonaManager(services, controller, workers, self, drafts=drafts,
                                       before_delete=self._save_words_then)
        self.personas.attach_list(self.persona_list)
        card = QFrame()
        card.setObjectName("composeCard")
        cv = RowsLayout(card)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.addWidget(self.compose)
        top = QWidget()
        tv = QVBoxLayout(top)
        tv.setContentsMargins(18, 14, 18, 10)
        tv.setSpacing(8)
        tv.addWidget(_section(translate("MainWindow", "Compose")))
        tv.addWidget(self.connection_banner)
        tv.addWidget(UnsqueezedArea(card), 1)
        bottom = QWidget()
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(18, 6, 18, 8)
        bv.setSpacing(8)
        self.history_search = QLineEdit()
        self.history_search.setObjectName("historySearch")
        self.history_search.setPlaceholderText(translate("MainWindow", "Search (Ctrl+F)"))
        self.history_search.setAccessibleName(translate("MainWindow", "Search the history"))
        self.history_search.setClearButtonEnabled(True)
        self.history_search.setMaximumWidth(280)
        self.history_search.textChanged.connect(self.history.set_filter)
        head = QHBoxLayout()
        head.addWidget(_section(translate("MainWindow", "History")))
        head.addStretch(1)
        head.addWidget(self.history_search)
        bv.addLayout(head)
        bv.addWidget(self.history, 1)
        self.history_actions = PostActionBar(lambda: self.history.post_actions,
                                             lambda: (self.history.count(), len(self.history.visible_posts())))
        self.history_actions.after = self.history
        self.history.currentPostChanged.connect(self.history_actions.show_post)
        self.history_search.textChanged.connect(lambda: self.history_actions.show_post(self.history.current_post()))
        bv.addWidget(self.history_actions)
        # the user decides how much room writing gets
        right = _splitter(Qt.Orientation.Vertical, top, bottom, sizes=[250, 420], handle=6)
        split = _splitter(Qt.Orientation.Horizontal, left, right, sizes=[270, 620], handle=1)
        self.welcome = WelcomePage()
        self.welcome.createRequested.connect(self.personas.new_persona)
        self.welcome.importRequested.connect(self.personas.import_personas)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.pages.addWidget(split)
        self.pages.addWidget(self.welcome)
        self.main_page = split
        central = QWidget()  # the settings, zone and server notices above whichever page shows (the welcome page too)
        cv = QVBoxLayout(central)
        cv.setContentsMargins(0, 0, 0, 0)
        cv.setSpacing(0)
        for notice in (self.settings_notice, self.zone_notice, self.server_notice):
            notice_row = QHBoxLayout()
            notice_row.setContentsMargins(18, 8, 18, 0)
            notice_row.addWidget(notice)
            cv.addLayout(notice_row)
        cv.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.keyring_status = KeyringStatusLabel(services.secrets, workers)
        status = MessageBar()
        status.addPermanentWidget(self.keyring_status)
        self.setStatusBar(status)

        self._build_menus()
        for source in (self.post_actions, self.personas):
            source.message.connect(lambda msg: self.statusBar().showMessage(msg, 15_000))
        controller.activePersonaChanged.connect(self._on_active)
        controller.personasChanged.connect(self._rebuild_persona_menu)
        controller.personasChanged.connect(self._show_page)
        self._show_page()
        self.compose.posted.connect(self._on_posted)
        self.compose.postFailed.connect(lambda msg: self.statusBar().showMessage(msg, 15_000))
        self.compose.saveRecovered.connect(
            lambda msg: self.statusBar().clearMessage() if self.statusBar().currentMessage() == msg else None)
        self._on_active(controller.active_uid, "")
        self.apply_tab_order()

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.new_draft_action = QAction(translate("MainWindow", "&New draft"), self)
        self.new_draft_action.setObjectName("newDraft")
        self.new_draft_action.setShortcut(keys("new_draft"))
        self.new_draft_action.triggered.connect(self.compose.new_draft)
        file_menu.addAction(self.new_draft_action)
        self.search_action = QAction(translate("MainWindow", "Search the &history"), self)
        self.search_action.setObjectName("searchHistory")
        self.search_action.setShortcut(keys("search"))
        self.search_action.triggered.connect(self.focus_search)
        file_menu.addAction(self.search_action)
        file_menu.addSeparator()
        file_menu.addAction(translate("MainWindow", "&Import personas…"), self.personas.import_personas)
        file_menu.addAction(translate("MainWindow", "&Export personas…"), self.personas.export_personas)
        file_menu.addAction(translate("MainWindow", "&Undo last import…"), self.personas.importer.undo_last)
        file_menu.addSeparator()
        self.settings_action = QAction(translate("MainWindow", "&Settings…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(keys("settings"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settingsRequested)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quitRequested)
        file_menu.addAction(quit_action)
        self.persona_menu = self.menuBar().addMenu(translate("MainWindow", "&Persona"))
        # What one does in the compose box, with its keys: each action is its owner's (add_compose_action).
        self.compose_menu = self.menuBar().addMenu(translate("MainWindow", "&Compose"))
        self.compose_menu.setObjectName("composeMenu")
        self._compose_ends = self.compose_menu.addSeparator()
        self.compose_menu.addAction(self.compose.thread.add_part_action)
        self.connect_action = QAction(translate("MainWindow", "&Connect account…"), self)
        self.connect_action.triggered.connect(lambda: self.open_connect_dialog(self.controller.active_uid))
        self.insights_action = QAction(translate("MainWindow", "&Insights…"), self)
        self.insights_action.setObjectName("insightsAction")
        self.insights_action.setShortcut(keys("insights"))
        self.insights_action.triggered.connect(self.open_insights)
        self.new_persona_action = QAction(translate("MainWindow", "&New persona…"), self)
        self.new_persona_action.triggered.connect(self.personas.new_persona)
        self.edit_persona_action = QAction(translate("MainWindow", "&Edit persona…"), self)
        self.edit_persona_action.triggered.connect(lambda _checked=False: self.personas.edit_persona())
        self.delete_persona_action = QAction(translate("MainWindow", "&Delete persona…"), self)
        self.delete_persona_action.triggered.connect(lambda _checked=False: self.personas.delete_persona())
        self.find_persona_action = QAction(translate("MainWindow", "&Find a persona…"), self)
        self.find_persona_action.setObjectName("findPersona")
        self.find_persona_action.setShortcut(keys("find_persona"))
        self.find_persona_action.triggered.connect(self.focus_persona_finder)
        self.persona_finder.chosen.connect(lambda _uid: self.compose.focus_editor())
        self.persona_group = QActionGroup(self)
        self.persona_group.setExclusive(True)
        self.persona_group.triggered.connect(lambda action: self.controller.set_active(action.data()))
        self._rebuild_persona_menu()

    def add_compose_action(self, action: QAction) -> None:
        """A way to send what is in the compose box, in the Compose menu after those already there."""
        self.compose_menu.insertAction(self._compose_ends, action)

    def add_menu(self, title: str) -> QMenu:
        """A menu in the menu bar, before Help (which stays last, where every desktop puts it)."""
        menu = QMenu(title, self)
        help_action = next((a for a in self.menuBar().actions() if a.menu() is not None
                            and a.menu().objectName() == "helpMenu"), None)
        self.menuBar().insertMenu(help_action, menu) if help_action is not None else self.menuBar().addMenu(menu)
        return menu

    @Slot()
    def _rebuild_persona_menu(self) -> None:
        self.persona_menu.clear()
        for action in self.persona_group.actions():
            self.persona_group.removeAction(action)
        personas = self.controller.personas
        if len(personas) > MENU_PERSONAS:  # the first nine (Ctrl+1 to 9) and the active one; Find for the rest
            personas = [p for n, p in enumerate(personas) if n < 9 or p.uid == self.controller.active_uid]
        for n, p in enumerate(personas, start=1):
            # No icon: in most styles an icon replaces the radio mark, and the mark is what says "current".
            action = QAction(f"{p.name}  {p.handle or ''}".rstrip(), self)
            action.setCheckable(True)
            action.setChecked(p.uid == self.controller.active_uid)
            action.setData(p.uid)
            if n <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            self.persona_group.addAction(action)
            self.persona_menu.addAction(action)
        self.persona_menu.addAction(self.find_persona_action)
        self.persona_menu.addSeparator()
        self.persona_menu.addAction(self.connect_action)
        self.connect_action.setEnabled(bool(self.controller.personas))
        self.persona_menu.addAction(self.insights_action)
        self.insights_action.setEnabled(bool(self.controller.personas))
        self.persona_menu.addSeparator()
        for action in (self.new_persona_action, self.edit_persona_action, self.delete_persona_action):
            self.persona_menu.addAction(action)
        self._sync_persona_actions()

    def _sync_persona_actions(self) -> None:
        """Edit and Delete name the persona they act on: the active one."""
        active = self.controller.active
        self.edit_persona_action.setEnabled(active is not None)
        self.delete_persona_action.setEnabled(active is not None)
        self.edit_persona_action.setText(translate("MainWindow", "&Edit {name}…").format(name=active.name) if active
                                         else translate("MainWindow", "&Edit persona…"))
        self.delete_persona_action.setText(translate("MainWindow", "&Delete {name}…").format(name=active.name)
                                           if active else translate("MainWindow", "&Delete persona…"))

    @Slot(str)
    def open_connect_dialog(self, uid: str) -> QDialog | None:
        """Connect (or reconnect) a persona to its account on its network; the dialog works in workers.

        A sandbox persona is offered X (connecting makes it an X persona), as it always was.
        """
        persona = self.controller.persona(uid) or self.controller.active
        if persona is None:
            return None
        refused = connect_refusal(self.services.paths, persona.name)
        if refused:
            return self._no_accounts_in_demo(refused)
        dialog: ConnectDialog | AccountConnectDialog
        if persona.network in ("mastodon", "bluesky"):
            dialog = AccountConnectDialog(self.services, self.workers, persona, parent=self)
        else:
            dialog = ConnectDialog(self.services, self.workers, persona, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connected.connect(lambda c: self.statusBar().showMessage(
            translate("MainWindow", "Connected {name} to {handle} on {network}.").format(
                name=c.persona.name, handle=c.handle, network=network_name(c.persona)), 10_000))
        dialog.open()
        return dialog

    def _no_accounts_in_demo(self, why: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "Connect account"), why,
                          QMessageBox.StandardButton.Close, self)
        box.setObjectName("demoConnectBox")
        go = box.addButton(translate("MainWindow", "Open your own profile"), QMessageBox.ButtonRole.AcceptRole)
        go.clicked.connect(self.ownProfileRequested)
        with_letters(box)
        box.setDefaultButton(go)
        if self.demo_connect_box is not None:
            self.demo_connect_box.deleteLater()
        self.demo_connect_box = box
        box.open()
        return box

    @Slot()
    def focus_persona_finder(self) -> None:
        """Ctrl+P: into the persona finder, what is there selected; with a few personas (no finder), the list."""
        if self.persona_finder.isHidden():
            self.persona_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        self.persona_finder.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.persona_finder.selectAll()

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F: into the history's search field, with what is there selected (Escape clears it)."""
        self.history_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.history_search.selectAll()

    def tab_order(self) -> list[QWidget]:
        """The keyboard's path through the window: personas, the banner over compose, what to write (the bars over
        the text, a thread's parts and their buttons, the post's options), how to send it, what to add to it (an
        image, a thread part), the guard's meter, warning and the bars under the text, then the history. A bar
        made after the window joins Qt's focus chain at its end: its buttons came after the whole window."""
        compose = self.compose
        over_text, under_text = _around(compose.layout(), compose.thread)
        chain: list[QWidget] = [self.persona_finder, self.persona_list, *tab_stops(self.connection_banner),
                                compose.persona_combo, *over_text, *compose.thread.tab_chain(), *under_text,
                                compose.post_button]
        for name in ("scheduleButton", "queueButton"):
            button = compose.findChild(QPushButton, name)
            if button is not None:
                chain.append(button)
        chain += [compose.image_button, compose.thread_button]
        chain += [w for i in range(compose.extras.count()) if (bar := compose.extras.itemAt(i).widget()) is not None
                  for w in tab_stops(bar)]
        chain += [self.history_search, self.history]
        return chain

    def apply_tab_order(self) -> None:
        """Call again whenever widgets join the compose row (scheduling adds its buttons after the window is built)."""
        chain = self.tab_order()
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    @Slot()
    def _show_page(self) -> None:
        """The welcome page while the profile has no persona (the demo is never empty for long)."""
        first_run = not self.controller.personas and not self.demo
        self.pages.setCurrentWidget(self.welcome if first_run else self.main_page)

    @property
    def first_run(self) -> bool:
        return self.pages.currentWidget() is self.welcome

    @Slot()
    def open_insights(self) -> QDialog | None:
        """How the personas have been used (the local history), with the advice the app exists for."""
        if not self.controller.personas:
            return None
        from personamgr.gui.insights import InsightsDialog

        dialog = InsightsDialog(self.services, self.controller, self.workers, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.insights_dialog = dialog
        dialog.open()
        return dialog

    # -- following the active persona ----------------------------------------------------
    @Slot(str, str)
    def _on_active(self, uid: str, _previous: str) -> None:
        persona = self.controller.persona(uid)
        suffix = " [demo]" if self.demo else ""
        if persona is None:
            self.setWindowTitle(translate("MainWindow", "personamgr{suffix}").format(suffix=suffix))
            return
        handle = f" ({persona.handle})" if persona.handle else ""
        # Qt appends " — personamgr" (the application display name) on desktops that show titles.
        self.setWindowTitle(f"{persona.name}{handle}{suffix}")
        if len(self.controller.personas) > MENU_PERSONAS:
            self._rebuild_persona_menu()  # the active persona is listed even past the ninth
        for action in self.persona_group.actions():
            action.setChecked(action.data() == uid)
        self._sync_persona_actions()

    @Slot(object)
    def _on_posted(self, post: Post) -> None:
        if post.state is PostState.SENT:
            self.statusBar().showMessage(translate("MainWindow", "Sent as {name}.").format(name=post.persona_name),
                                         8000)
        else:
            self.statusBar().showMessage(f"{post.persona_name}: {post.state.label}. {post.note or ''}", 15_000)

    # -- showing -------------------------------------------------------------------------
    def bring_to_front(self, *, compose: bool = False) -> None:
        """Show the window on top and active (on every platform: a test's offscreen one too); ``compose``: with the
        keyboard in the box."""
        self.show()
        if self.isMinimized():
            self.showNormal()
        if QGuiApplication.platformName() != "offscreen":  # offscreen has no window stack to raise in
            self.raise_()
        self.activateWindow()
        if compose:
            self.compose.focus_editor()

    def _save_words_then(self, then: Callable[[], None]) -> None:
        """Save the compose box's words as a draft, then ``then()`` once the store has them (or refuses them now)."""
        self.compose.flush()
        self.compose.drafts.when_written(then)

    def save_layout(self) -> None:
        """Remember the window's size, place and docks for the next start (in the profile's settings; written in a
        worker)."""
        layout = {"geometry": bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
                  "state": bytes(self.saveState().toBase64().data()).decode("ascii")}
        store = self.services.store
        self.workers.remember(lambda: store.set_setting(LAYOUT_KEY, layout), name="the window's layout",
                              lane=LAYOUT_KEY)

    def restore_layout(self, *, screen: QRect | None = None) -> bool:
        """Put the window back as the user left it, on the screen it opens on (``screen``: its available part, the
        window's screen by default); call once the docks exist, before the first show. False if nothing was saved
        (a first start: the window fits the screen, see gui.screen_fit)."""
        restored = self._restore_saved_layout()
        self._fit_at_show = (screen, restored)
        return restored

    _fit_at_show: tuple[QRect | None, bool] | None = None

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._fit_at_show is not None:  # once laid out: what the window needs is known only once it shows
            screen, restored = self._fit_at_show
            self._fit_at_show = None
            QTimer.singleShot(0, lambda: self._fit_to_screen(screen, restored=restored))

    def _fit_to_screen(self, screen: QRect | None, *, restored: bool) -> None:
        fit_to_screen(self, screen if screen is not None else self.screen().availableGeometry(), restored=restored)
        keep_panels_on_screen(self, screen)  # from now on: a panel the user opens

    def _restore_saved_layout(self) -> bool:
        saved = self.services.store.get_setting(LAYOUT_KEY)
        if not isinstance(saved, dict):
            return False
        try:
            geometry = QByteArray.fromBase64(str(saved["geometry"]).encode("ascii"))
            state = QByteArray.fromBase64(str(saved["state"]).encode("ascii"))
        except (KeyError, UnicodeEncodeError):
            return False
        return bool(self.restoreGeometry(geometry)) and bool(self.restoreState(state))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        # shorter than the default: the connection banner says its headline alone, and the history keeps its rows;
        # compose's rows stand closer, and its ways to send stay in sight under a warning and a message
        compact = event.size().height() < DEFAULT_SIZE.height()
        self.connection_banner.set_compact(compact)
        self.compose.set_compact(compact)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        self.compose.flush()
        self.save_layout()
        if self.close_to_tray:
            event.ignore()
            self.hide()
            self.hiddenToTray.emit()
            return
        event.ignore()  # quitting decides first (posts may be queued); it hides the window itself
        self.quitRequested.emit()
