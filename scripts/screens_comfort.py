"""Screens of daily comfort, rendered by scripts/screenshots (in light, dark and Spanish).

Files: welcome, settings-damaged, window-1024x600, window-1920x1080, first-start-800x600 and first-start-683x740
(the first start on a small screen, and tiled to half of a laptop's), settings-general, settings-writing,
settings-appearance, settings-data, shortcuts, about, quit-question, take-over-daemon (a second start asks to stop
a daemon started by hand), undo-send, quit-pending-post (Quit while a post waits out its undo seconds),
history-actions, history-search,
zone-unknown (a persona's time zone this computer no longer knows), insights; many-personas and
tray-menu-many (twenty personas: the finder over the list, "gu" typed; the tray's eight used last).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from keyring.backends import fail
from PySide6.QtCore import QEvent, QRect
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from screens_opened import opened
from sqlalchemy import update

from personamgr.core import schema as s
from personamgr.core.i18n import translate
from personamgr.core.outbox import PostState
from personamgr.core.paths import AppPaths
from personamgr.core.scheduling import PostSchedule
from personamgr.core.secrets import SecretStore
from personamgr.core.services import Services, open_services
from personamgr.gui.app import Shell, build_shell
from personamgr.gui.screen_fit import fit_to_screen

Settle = Callable[[QApplication, Shell], None]
Save = Callable[[QWidget, Path, str], None]

# A quarter of use, for the insights: (days ago, hour UTC, text, USD, posted anyway)
QUARTER = [
    (d, h, t, c, a) for d, h, t, c, a in (
        (1, 13, "Three questions to ask before you accept a counter-offer?", 0.015, False),
        (2, 13, "Salary bands explained: https://example.com/bands", 0.2, False),
        (3, 14, "@hr_jane agreed: the first call is about fit, not pay.", 0.015, False),
        (5, 13, "What is the one interview question you always ask?", 0.015, False),
        (8, 22, "Spent the weekend at a retro gaming convention.", 0.015, True),
        (9, 13, "Hiring is slowing in tech but not in healthcare: https://example.com/jobs", 0.2, False),
        (12, 14, "Your resume's first six lines decide the rest. What is in yours?", 0.015, False),
        (15, 13, "Layoff season again. How are you preparing?", 0.015, False),
        (19, 21, "New Gojira single is out and it rips.", 0.015, True),
        (23, 13, "Negotiating remote days is easier before the offer is signed.", 0.015, False),
        (33, 13, "Recruiters read fast: lead with results.", 0.015, False),
        (47, 14, "Which skill got you your last job?", 0.015, False),
        (61, 13, "https://example.com/report", 0.2, False),
        (75, 13, "Ask for the range first.", 0.015, False),
    )
]


def add_quarter(services: Services) -> None:
    career = services.store.persona("career")
    now = services.clock.now()
    for days, hour, text, cost, anyway in QUARTER:
        post = services.outbox.create(career.uid, text)
        when = (now - timedelta(days=days)).replace(hour=hour, minute=5)
        services.outbox.update_if(post.id, [PostState.DRAFT], state=PostState.SENT.value, sent_at=when,
                                  cost_usd=cost, guard_override=anyway)


def render(app: QApplication, shell: Shell, out: Path, settle: Settle, save: Save) -> None:
    services, window = shell.services, shell.window

    for width, height in ((1024, 600), (1920, 1080)):
        window.resize(width, height)
        # the app's own message (a long one, in the window's language), to show how it wraps at each size
        window.compose.say(translate("GuardPanel", "Moved to {target}. Nothing was posted: press Post to "
                                                   "send it as {target}.").format(target="metal"),
                           whole=True)  # as the guard says it (b8ad795): on the lines it needs
        settle(app, shell)
        save(window, out, f"window-{width}x{height}")
    window.compose.say("")
    panels = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    for width, height in ((800, 600), (683, 740)):  # a small screen, a window tiled to half of a laptop's
        fit_to_screen(window, QRect(0, 0, width, height), restored=False)  # what the first start does there
        settle(app, shell)
        save(window, out, f"first-start-{width}x{height}")
    for dock in panels:
        dock.show()
    window.resize(1200, 700)

    dialog = shell.preferences.open_dialog()
    for index, name in enumerate(("general", "writing", "appearance", "data")):
        dialog.tabs.setCurrentIndex(index)
        settle(app, shell)
        save(dialog, out, f"settings-{name}")
    dialog.reject()

    shortcuts = shell.help.show_shortcuts()
    settle(app, shell)
    save(shortcuts, out, "shortcuts")
    shortcuts.reject()
    about = shell.help.about()
    settle(app, shell)
    save(about, out, "about")
    about.close()

    PostSchedule(services.store, services.outbox, services.clock).create(
        services.store.persona("metal").uid, "Tour dates are out: which city should get the extra show?")
    shell.quit_flow.request()
    settle(app, shell)
    save(opened(shell.quit_flow.box, "quit-question"), out, "quit-question")
    shell.quit_flow.box.reject()
    render_take_over(app, shell, out, settle, save)

    compose = window.compose
    compose.editor.setPlainText("Counter-offers: take a day, ask what changed, then decide.")
    settle(app, shell)
    shell.undo_send.request()
    settle(app, shell)
    save(window, out, "undo-send")
    shell.quit_flow.request()  # Quit while it waits out its seconds: send it now, keep it as a draft, or stay
    settle(app, shell)
    save(opened(shell.quit_flow.box, "quit-pending-post"), out, "quit-pending-post")
    shell.quit_flow.box.reject()  # Cancel: the countdown goes on, and is undone here
    settle(app, shell)
    shell.undo_send.undo()
    compose.editor.clear()

    history = window.history
    failed = next((i for i, p in enumerate(history.posts()) if p.state is PostState.FAILED), 0)
    history.setCurrentRow(failed)
    settle(app, shell)
    save(window, out, "history-actions")
    window.focus_search()
    window.history_search.setText("interview")
    settle(app, shell)
    save(window, out, "history-search")
    window.history_search.clear()

    show_unknown_zone(app, shell, out, settle, save)
    add_quarter(services)
    insights = opened(window.open_insights(), "insights")
    for _ in range(200):
        settle(app, shell)
        if insights.insights is not None and len(insights.charts) == 4:
            break
    save(insights, out, "insights")
    insights.close()


def render_take_over(app: QApplication, shell: Shell, out: Path, settle: Settle, save: Save) -> None:
    """The question a second start asks when a daemon started by hand sends this profile's posts (it waits in
    exec() there; here it is shown over nothing, as it is then)."""
    from personamgr.gui.app_instance import take_over_box

    assert shell.services.paths is not None
    box = take_over_box(shell.services.paths, {"pid": 48213})
    box.show()
    settle(app, shell)
    save(opened(box, "take-over-daemon"), out, "take-over-daemon")
    box.reject()
    box.deleteLater()


def show_unknown_zone(app: QApplication, shell: Shell, out: Path, settle: Settle, save: Save) -> None:
    """zone-unknown: career's zone one this computer no longer knows (removed in tzdata 2020b), as a profile from
    before then has it; the editor refuses such a zone, so it is written as the old profile held it."""
    services = shell.services
    career = services.store.persona("career")
    with services.store.engine.begin() as con:
        con.execute(update(s.personas).where(s.personas.c.uid == career.uid).values(timezone="US/Pacific-New"))
    shell.events.listener("personas")
    settle(app, shell)
    save(shell.window, out, "zone-unknown")
    services.store.update_persona(career)
    settle(app, shell)


def close_profile(app: QApplication, shell: Shell, services: Services) -> None:
    """Take the window down before its temporary profile goes: its widgets are deleted first (the history's
    refresh timer with them), then the reads already running finish, then the profile closes. A refresh left
    pending fired during the next profile's screens and read a deleted folder ("background task history
    failed" and a traceback, twice a run)."""
    shell.window.close_to_tray = False
    if shell.external is not None:
        shell.external.stop()
    shell.drafts.stop()
    shell.window.hide()
    for obj in (shell.window, shell.tray.menu, shell.tray, shell.controller, shell.events):
        obj.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    shell.workers.wait(10, app.processEvents)
    services.close()


def render_welcome(app: QApplication, out: Path, settle: Settle, save: Save, theme: str) -> None:
    """The first run, on a profile of its own with no persona; then a start with a damaged settings file
    (settings-damaged: the notice naming the file and what fell back to its default)."""
    for name, damaged in (("welcome", ""), ("settings-damaged", 'send_delay = 99\nlanguage = 3\n[[[\n')):
        with tempfile.TemporaryDirectory() as tmp:
            paths = AppPaths.resolve(tmp).ensure()
            if damaged:
                paths.settings.write_text(f'theme = "{theme}"\n{damaged}', encoding="utf-8")
            services = open_services(paths, secrets=SecretStore(fail.Keyring(), timeout=5))
            if not damaged:
                services.settings.set("theme", theme)
            shell = build_shell(services, tray_available=False, demo=False)
            shell.window.show()
            settle(app, shell)
            save(shell.window, out, name)
            close_profile(app, shell, services)


CLIENTS = ("bakery", "bikeshop", "guitars", "gym", "dentist", "florist", "vineyard", "bookshop", "yoga", "garage",
           "cinema", "hotel", "pizzeria", "museum", "zoo", "library", "brewery", "tailor", "barber", "theatre")


def render_many_personas(app: QApplication, out: Path, settle: Settle, save: Save, theme: str) -> None:
    """A social media manager's twenty personas, on a profile of its own: the persona finder with "gu" typed
    (many-personas), and the tray menu (tray-menu-many)."""
    from PySide6.QtCore import QPoint

    from personamgr.core.personas import PALETTE, Persona

    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(AppPaths.resolve(tmp).ensure(), secrets=SecretStore(fail.Keyring(), timeout=5))
        services.settings.set("theme", theme)
        for n, name in enumerate(CLIENTS):
            services.store.add_persona(Persona(name=name, handle=f"@{name}_town", colour=PALETTE[n % len(PALETTE)],
                                               description=f"News and offers from the town's {name}"))
        shell = build_shell(services, tray_available=False, demo=False)
        shell.window.show()
        settle(app, shell)
        for name in ("tailor", "zoo"):
            shell.controller.set_active(services.store.persona(name).uid)
        settle(app, shell)
        shell.window.focus_persona_finder()
        shell.window.persona_finder.setText("gu")
        settle(app, shell)
        save(shell.window, out, "many-personas")
        menu = shell.tray.menu
        menu.popup(QPoint(0, 0))
        settle(app, shell)
        save(menu, out, "tray-menu-many")
        menu.hide()
        close_profile(app, shell, services)
