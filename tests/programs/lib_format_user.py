class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec == "usd":
            return f"${self.v:.2f}"
        return format(self.v, spec)
m = Money(3.5)
print(format(m, "usd"), f"{m:usd}", "{:usd}".format(m), "{:>8.1f}|".format(m), format(m, ""))
class Pt:
    def __init__(self):
        self.x = 1
        self.y = [10, 20]
p = Pt()
print("{0.x} {0.y[1]} {p.x}".format(p, p=p))
