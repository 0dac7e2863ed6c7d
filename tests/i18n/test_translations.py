"""Every user-visible string goes through Qt's translation; the translations are current, shipped, and Spanish is
complete; the window follows the system language unless the setting picks one."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale

from personamgr.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "personamgr" / "gui"
TS = sorted((ROOT / "personamgr" / "i18n").glob("*.ts"))
BIN = Path(sys.executable).parent

# Which arguments of which calls reach the screen: positional indexes and keyword names.
ONE = ({0}, frozenset())
SINKS: dict[str, tuple[set[int], frozenset[str]]] = {
    "setText": ONE, "setToolTip": ONE, "setWindowTitle": ONE, "setPlaceholderText": ONE, "showMessage": ONE,
    "setInformativeText": ONE, "setStatusTip": ONE, "setAccessibleName": ONE, "setAccessibleDescription": ONE,
    "addAction": ({0, 1}, frozenset()), "addMenu": ONE, "addTab": ({1}, frozenset()), "addItem": ({0, 1}, frozenset()),
    "setHeaderLabels": ONE, "setSuffix": ONE, "setPrefix": ONE, "setTitle": ONE, "QLabel": ONE, "QPushButton": ONE,
    "QCheckBox": ONE, "QRadioButton": ONE, "QAction": ONE, "QMessageBox": ({1, 2}, frozenset()), "say": ONE,
    "_ask": ({0, 1, 2, 3}, frozenset()), "_tell": ({1, 2, 3}, frozenset()), "notify": ({0, 1}, frozenset()),
    "set_quiet": ONE, "set_result": ({0}, frozenset({"tip"})), "show_reasons": ({0}, frozenset()),
    "hint_label": ONE, "_section": ONE, "_field": ({3}, frozenset({"hint"})), "_set": ({1, 2}, frozenset()),
    "getOpenFileName": ({1, 3}, frozenset()), "getSaveFileName": ({1, 3}, frozenset()),
    "getMultiLineText": ({1, 2}, frozenset()), "addRow": ONE, "_error": ONE, "_set_busy": ({1}, frozenset()),
    "_work": ({2}, frozenset()), "_run": ({1}, frozenset()), "done": ONE, "add_menu": ONE,
}
MESSAGE_SIGNALS = {"message", "postFailed"}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _words_outside_placeholders(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.Constant) and WORDS.search(str(v.value)) for v in node.values)
    return False


def escapes(path: Path) -> list[str]:
    """User-visible literals in ``path`` that reach the screen without ``translate``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if name == "emit" and isinstance(f, ast.Attribute) and isinstance(f.value, ast.Attribute) \
                and f.value.attr in MESSAGE_SIGNALS:
            spec = ONE
        elif name in SINKS:
            spec = SINKS[name]
        else:
            continue
        args = [a for i, a in enumerate(node.args) if i in spec[0]] + [k.value for k in node.keywords
                                                                       if k.arg in spec[1]]
        for a in args:
            for leaf in (a.body, a.orelse) if isinstance(a, ast.IfExp) else (a,):
                if _words_outside_placeholders(leaf):
                    out.append(f"{path.name}:{leaf.lineno}: {ast.unparse(leaf)[:80]}")
    return out


def test_no_user_visible_string_escapes_translation() -> None:
    found = [e for p in sorted(GUI.glob("*.py")) for e in escapes(p)]
    assert not found, "wrap these in translate(context, text):\n" + "\n".join(found)


def test_the_check_catches_an_escape(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('label.setText("Not translated")\nlabel.setText(translate("C", "Fine"))\n'
                   'box.setToolTip(f"Sent as {name}.")\n', encoding="utf-8")
    assert [e.split(":")[1] for e in escapes(bad)] == ["1", "3"]


# Core modules whose messages reach the window (the guard's reasons, scheduling notes, the sender's errors, the
# networks' answers, the keyring, the database and the personas' checks): every sentence in them goes through
# translate. A literal meant to stay English (SQL, a network's own words to match, a programming error) says so
# with an "# English: why" comment on its line. Messages of modules not listed here (the CLI's own, the instance
# lock, the desktop entry) are still English: see README, "Languages".
CORE = ROOT / "personamgr" / "core"
CORE_SPOKEN = sorted(
    [CORE / f"{m}.py" for m in ("text", "personas", "lease", "posting", "outbox", "policy", "costs", "post_workflows",
                                "crosspost", "media", "secrets", "faults", "store", "holds", "insights",
                                "guard/guard", "guard/rules", "persona_file", "persona_import", "archive",
                                "settings", "autostart")]
    + list((CORE / "scheduling").glob("*.py")) + list((CORE / "networks").rglob("*.py")))
SENTENCE = re.compile(r"[A-Za-z]{2,} +[A-Za-z]{2,}")  # two words: a message, not a key or a name
# Calls whose string arguments are not shown: translation itself, logging, SQL, patterns, lookups.
NOT_SHOWN = {"translate", "QT_TRANSLATE_NOOP", "debug", "info", "warning", "error", "exception", "critical", "log",
             "compile", "execute", "exec_driver_sql", "text", "sub", "search", "match", "fullmatch", "findall",
             "split", "getenv", "get"}


def core_escapes(path: Path) -> list[str]:
    """Sentences in ``path`` (a core module) built without ``translate`` and not marked "# English"."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    quiet: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name in NOT_SHOWN:
                quiet.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            quiet.add(id(node.body[0].value))  # a docstring
        elif isinstance(node, ast.JoinedStr):
            quiet.update(id(v) for v in node.values)  # judged as a whole below
        elif isinstance(node, ast.Subscript | ast.Compare):
            quiet.update(id(n) for n in ast.walk(node))  # a key, or text compared with an answer
    out = []
    for node in ast.walk(tree):
        if id(node) in quiet:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        else:
            continue
        marked = any("# English" in lines[i - 1] for i in range(node.lineno, (node.end_lineno or node.lineno) + 1))
        if SENTENCE.search(text) and not marked:
            out.append(f"{path.name}:{node.lineno}: {text[:80]!r}")
    return out


def test_no_message_built_in_core_escapes_translation() -> None:
    found = [e for p in CORE_SPOKEN for e in core_escapes(p)]
    assert not found, "wrap these in translate(context, text), or mark them '# English: why':\n" + "\n".join(found)


def test_the_core_check_catches_an_escape(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""A docstring is not shown."""\n'
        'def why(p):\n'
        '    """Nor is this one."""\n'
        '    log.warning("a log line is English")\n'
        '    ok = translate("C", "It fits {name} better.").format(name=p)\n'
        '    raise ValueError(f"It does not look like {p}\'s focus.")\n'
        '    sql = "SELECT id FROM posts"  # English: SQL\n'
        '    return Reason("topic", "Nothing to check yet.")\n', encoding="utf-8")
    assert [e.split(":")[1] for e in core_escapes(bad)] == ["6", "8"]
    assert all(p.exists() for p in CORE_SPOKEN) and len(CORE_SPOKEN) > 30


def _sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}


def test_every_translate_call_in_the_code_is_in_the_ts_files() -> None:
    """pyside6-lupdate's Python reader skips a translate() call it cannot read (a count that is not a plain name,
    for one): such a string would never be translated, so every call is matched against the .ts here."""
    known = {(c.findtext("name"), m.findtext("source")) for ts in TS
             for c in ET.parse(ts).getroot().iter("context") for m in c.iter("message")}
    unread = []
    for path in sorted((ROOT / "personamgr").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("translate", "QT_TRANSLATE_NOOP") \
                    and len(node.args) >= 2 and all(isinstance(a, ast.Constant) for a in node.args[:2]) \
                    and (node.args[0].value, node.args[1].value) not in known:
                unread.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.args[1].value[:60]!r}")
    assert not unread, "not in the .ts files (run scripts/translations; a count must be a plain name):\n" + \
        "\n".join(unread)


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate is not installed")
def test_the_ts_files_hold_every_string_in_the_code(tmp_path: Path) -> None:
    """pyside6-lupdate finds nothing new: scripts/translations update has been run."""
    sources = sorted(str(p) for p in (ROOT / "personamgr").rglob("*.py"))
    for ts in TS:
        fresh = tmp_path / ts.name
        shutil.copy(ts, fresh)
        subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts",
                        str(fresh)], check=True, capture_output=True)
        assert _sources(fresh) == _sources(ts), f"{ts.name} is stale: run scripts/translations"


@pytest.mark.skipif(not (BIN / "pyside6-lrelease").exists(), reason="pyside6-lrelease is not installed")
def test_the_shipped_qm_files_are_built_from_the_ts_files(tmp_path: Path) -> None:
    for ts in TS:
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True)
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run scripts/translations build ({ts.name})"


def test_spanish_is_complete_and_keeps_every_placeholder() -> None:
    root = ET.parse(ROOT / "personamgr" / "i18n" / "personamgr_es.ts").getroot()
    missing, broken = [], []
    for m in root.iter("message"):
        source = m.findtext("source") or ""
        tr = m.find("translation")
        forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            missing.append(source)
            continue
        wanted = set(re.findall(r"\{[^{}]*\}", source))
        for form in forms:
            if set(re.findall(r"\{[^{}]*\}", form)) != wanted:
                broken.append(f"{source!r} -> {form!r}")
            if "&" in source.replace("&&", "") and "&" not in form.replace("&&", ""):
                broken.append(f"{source!r} -> {form!r} (lost its keyboard accelerator)")
    assert not missing, f"{len(missing)} Spanish strings missing, e.g. {missing[:5]}"
    assert not broken, "\n".join(broken)


def test_the_language_follows_the_system_unless_the_setting_picks_one() -> None:
    assert "es" in i18n.available()
    assert i18n.resolve("system", QLocale("es_ES")) == "es"
    assert i18n.resolve("system", QLocale("es_MX")) == "es"
    assert i18n.resolve("system", QLocale("de_DE")) == "en"  # not shipped: English
    assert i18n.resolve("en", QLocale("es_ES")) == "en"  # the setting wins
    assert i18n.resolve("es", QLocale("en_US")) == "es"


def test_every_spanish_plural_is_one_the_plural_code_reads() -> None:
    """Insights read "3 publicaciones salieron aunque el guardián avisó de que se apartaba(n) del tema": "(n)" is
    no ending core/i18n.py knows ("(s)", "(es)" or "(one|other)"), so it stayed in brackets for every count. Each
    bracketed ending in a message with %n is one of those forms."""
    from personamgr.core.i18n import translate

    root = ET.parse(ROOT / "personamgr" / "i18n" / "personamgr_es.ts").getroot()
    unread = []
    for m in root.iter("message"):
        tr = m.findtext("translation") or ""
        if "%n" not in (m.findtext("source") or ""):
            continue
        for n in (1, 3):
            said = translate("", tr, None, n)  # no translator here: the text itself goes through the plural code
            unread += [f"{tr!r} (n={n}): {left}" for left in re.findall(r"\w\([^()]*\)", said)]
    assert not unread, "\n".join(unread)


def test_no_spanish_sentence_ends_in_an_ellipsis_and_a_full_stop() -> None:
    """The Spanish connect dialog ended "elige primero su red en Persona ▸ Editar career…." (es connect-x
    screenshot): a menu item's ellipsis, then the sentence's full stop."""
    root = ET.parse(ROOT / "personamgr" / "i18n" / "personamgr_es.ts").getroot()
    doubled = [t for m in root.iter("message") if "…." in (t := m.findtext("translation") or "")]
    assert not doubled, doubled


def test_spanish_names_the_sandbox_one_way_everywhere() -> None:
    """The Spanish window called the sandbox «Pruebas» in the persona list, the compose box and the tray, but
    «Entorno de pruebas (red de demostración)» in the persona editor, «el entorno de pruebas» in the status bar and
    the post menu, «la red de pruebas» and «sandbox» in messages. Every message that names it says «Pruebas» (the
    lower-case "sandbox" of an identifier, ``x or sandbox``, is a name typed in a file, not the network's)."""
    root = ET.parse(ROOT / "personamgr" / "i18n" / "personamgr_es.ts").getroot()
    other = []
    for m in root.iter("message"):
        source, tr = m.findtext("source") or "", m.findtext("translation") or ""
        if not re.search(r"\bsandbox\b", source.replace("x or sandbox", ""), re.IGNORECASE):
            continue
        if "Pruebas" not in tr or re.search(r"entorno de pruebas|red de pruebas|\bsandbox\b", tr, re.IGNORECASE):
            other.append(f"{source!r} -> {tr!r}")
    assert not other, "\n".join(other)
