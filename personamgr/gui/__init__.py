"""The PySide6 desktop app: a thin layer over ``personamgr.core``.

Every behaviour lives in the core; these modules only show it and route the
user's actions to it, keeping slow work (network, keyring, heavy DB reads) off
the GUI thread through :mod:`personamgr.gui.workers`.
"""
