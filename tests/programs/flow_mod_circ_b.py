"""Helper for flow_import_circular.py: imports flow_mod_circ_c, which imports this module."""
import flow_mod_circ_c
B = "b"
def get_c():
    return B + flow_mod_circ_c.C + flow_mod_circ_c.late()
print("b done", __name__)
