"""The ``personamgr`` command line: the same core as the window, with no Qt imported."""
