import sys
import flow_mod_state
import flow_mod_state as again
from flow_mod_state import register, Service, registry

print(flow_mod_state is again, flow_mod_state is sys.modules["flow_mod_state"])
register("a")
register("b")
flow_mod_state.register("c")
print(flow_mod_state.calls, registry, flow_mod_state.registry is registry)
Service(); Service()
print(Service.instances, again.Service.instances)
flow_mod_state.calls = 100
print(again.calls, flow_mod_state.__name__, type(flow_mod_state).__name__)
print(sorted(k for k in vars(flow_mod_state) if not k.startswith("__")))
try:
    from flow_mod_state import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import flow_no_such_module_xyz
except ModuleNotFoundError as e:
    print(e)
