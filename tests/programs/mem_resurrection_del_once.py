# __del__ runs once: an object resurrected by __del__ is not finalized again.
import gc

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)
        saved.append(self)


log = []
p = Phoenix("p")
del p
log.append(("saved", len(saved)))
saved.clear()
log.append("cleared")
q = Phoenix("q")
q.me = q
del q
gc.collect()
log.append(("saved after gc", len(saved), gc.is_finalized(saved[0]) if saved else None))
saved.clear()
log.append(("gc again", gc.collect()))
print(log)
