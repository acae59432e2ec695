import sys, gc
class C:
    def m(self):
        return eval("self.x + 1")
    x = 4
print(C().m.__name__)
def f():
    g = {"k": 1}
    exec("k += 1\ndef inner(): return k * 10", g)
    return g["inner"]()
print(f())
print(eval("[i*i for i in range(4)]"))
ns = {}
exec("class K:\n  a = 1\n  def get(self): return self.a\nobj = K()", ns)
print(ns["obj"].get(), type(ns["obj"]).__qualname__, ns["K"].__module__ if "__name__" in ns else "nomod")
code = compile("for i in range(3): print(i)\n", "<loop>", "single")
exec(code)
code = compile("1 + 1", "<single>", "single")
exec(code)
c = compile("x = 'hello world'\ny = 'hello_world'", "<a>", "exec")
c2 = compile("x = 'hello world'\ny = 'hello_world'", "<b>", "exec")
d1, d2 = {}, {}
exec(c, d1); exec(c2, d2)
print(d1["x"] is d2["x"], d1["y"] is d2["y"], d1["x"] == d2["x"])
print(sys.getsizeof(c) > 0, sys.getrefcount(c))
print(gc.is_tracked(c))
cl = compile("def f(): return v", "<cl>", "exec")
ns = {}
exec(cl, ns)
print(ns["f"].__code__.co_freevars)
try:
    exec(cl, ns, closure=(1,))
except TypeError as e:
    print(e)
def outer():
    v = 10
    def f(): return v
    return f
fn = outer()
ns2 = {}
exec(fn.__code__, ns2, closure=fn.__closure__) if False else None
try:
    eval(fn.__code__)
except TypeError as e:
    print(e)
try:
    exec(fn.__code__)
except TypeError as e:
    print(e)
print(eval("__name__"), eval("__name__", {}))
exec("import sys as s2; print(s2 is sys)")
print(compile("x: int = 1", "<f>", "exec", 0x1000000).co_flags & 0x1000000, compile("x = 1", "<f>", "exec").co_flags)
try:
    exec("raise ValueError('boom')")
except ValueError as e:
    print(e, e.__traceback__.tb_next.tb_frame.f_code.co_filename)
def deep():
    exec("1/0")
deep()
