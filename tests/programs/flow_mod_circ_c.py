"""Helper for flow_import_circular.py."""
import flow_mod_circ_b
C = "c"
def late():
    return flow_mod_circ_b.B + "!"
print("c sees b partially:", hasattr(flow_mod_circ_b, "B"))
