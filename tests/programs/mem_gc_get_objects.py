import gc
gc.collect()
marker = ['marker-list']
in0 = any(o is marker for o in gc.get_objects(0))
gc.collect(0)
in1 = any(o is marker for o in gc.get_objects(1))
gc.collect()
in2 = any(o is marker for o in gc.get_objects(2))
cnt = len(gc.get_objects(0))
print(in0, in1, in2, cnt)
