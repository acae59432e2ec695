"""Helper for flow_import_module_state.py: module-level state and functions using it."""
calls = 0
registry = []

def register(name):
    global calls
    calls += 1
    registry.append(name)
    return len(registry)

class Service:
    instances = 0
    def __init__(self):
        Service.instances += 1

print("flow_mod_state loaded as", __name__)
