"""Helper for flow_import_partial.py: imports flow_mod_part_x half way through."""
BEFORE = "y-before"
import flow_mod_part_x
LATE = "y-late"

def __getattr__(name):
    if name.startswith("dyn_"):
        return name[4:] * 2
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
