"""Helper for flow_import_partial.py: reads an attribute of a module still initializing."""
import flow_mod_part_y
EARLY = 1
try:
    print(flow_mod_part_y.LATE)
except AttributeError as e:
    print("x saw:", e)
