import gc
gc.collect()
gc.set_threshold(5, 3, 2)
seen = []
def cb(phase, info):
    if phase == 'start':
        seen.append(info['generation'])
gc.callbacks.append(cb)
keep = []
for i in range(150):
    keep.append([])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print(seen)
