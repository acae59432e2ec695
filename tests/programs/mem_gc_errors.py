import gc
out = []
try:
    gc.collect(3)
except ValueError as e:
    out.append(str(e))
try:
    gc.collect(-1)
except ValueError as e:
    out.append(str(e))
try:
    gc.get_objects(5)
except ValueError as e:
    out.append(str(e))
try:
    gc.get_objects(-3)
except ValueError as e:
    out.append(str(e))
out.append(gc.isenabled())
gc.disable()
out.append(gc.isenabled())
gc.enable()
out.append(gc.isenabled())
print(out)
