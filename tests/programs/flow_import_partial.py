import flow_mod_part_y
import flow_mod_part_x
import sys
print(flow_mod_part_y.LATE, flow_mod_part_x.EARLY)
print(flow_mod_part_y.dyn_ab)
try:
    flow_mod_part_y.missing
except AttributeError as e:
    print("main saw:", e)
try:
    flow_mod_part_x.nothing
except AttributeError as e:
    print("main saw:", e)
print(sorted(k for k in sys.modules if k.startswith("flow_mod_part")))
flow_mod_part_x.nothing
