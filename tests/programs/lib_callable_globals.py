def f():
    pass
class K:
    def m(self):
        pass
print(callable(f), callable(len), callable(K), callable(K()), callable(K().m), callable(1), callable("s"), callable(print))
x = 1
g = globals()
print(g["x"], "f" in g, g is globals(), g["__name__"])
g["newname"] = 5
print(newname)
print(sorted(k for k in locals() if not k.startswith("__")) == sorted(k for k in g if not k.startswith("__")))
