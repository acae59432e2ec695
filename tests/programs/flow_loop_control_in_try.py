log = []

class CM:
    def __init__(self, i):
        self.i = i
    def __enter__(self):
        return self
    def __exit__(self, *a):
        log.append(("exit", self.i))
        return False

for i in range(5):
    try:
        with CM(i):
            if i == 1:
                continue
            if i == 3:
                break
            log.append(("body", i))
    finally:
        log.append(("finally", i))

def gen_loop():
    for i in range(3):
        try:
            yield i
        finally:
            log.append(("gen finally", i))
for v in gen_loop():
    if v == 1:
        break
log.append("after gen loop")

i = 0
while i < 6:
    i += 1
    try:
        if i % 2:
            continue
        log.append(("even", i))
    except Exception:
        pass
    else:
        log.append(("else", i))
for item in log:
    print(item)
