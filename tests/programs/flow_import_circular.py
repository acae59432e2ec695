import flow_mod_circ_b
import flow_mod_circ_c
print(flow_mod_circ_b.B, flow_mod_circ_b.get_c(), flow_mod_circ_c.late())
