# compile/exec/eval and memory: code object sizes, the parser arena's references while an
# exec'd string runs, gc counts around running precompiled code, interning across
# compilations
import gc, sys
gc.disable()
for s in ['pass', 'x=1', 'x=1;y=2', 'x=1;y=2;z=3;w=4;q=5', 'def f():\n  return 1']:
    c = compile(s, '<s>', 'exec')
    print(sys.getsizeof(c), c.__sizeof__(), gc.is_tracked(c))
def f(): pass
print(repr(f.__code__) == f'<code object f at {hex(id(f.__code__))}, file "{__file__}", line 9>')
code = compile("a = 1", "<s>", "exec")
e = compile("a + 1", "<e>", "eval")
print(sys.getrefcount(code))
gc.collect()
ns = {}
c1 = gc.get_count()[0]
exec(code, ns)
c2 = gc.get_count()[0]
exec(code, ns)
c3 = gc.get_count()[0]
v = eval(e, ns)
c4 = gc.get_count()[0]
print(c2 - c1, c3 - c2, c4 - c3, v)
b0 = sys.getallocatedblocks()
exec(code, ns)
r = eval(e, ns)
b1 = sys.getallocatedblocks()
print(b1 - b0)
# the arena of an exec'd string holds its literals while it runs; compile() frees its arena
exec("print(sys.getrefcount(987654), sys.getrefcount('not an identifier'))")
c = compile("print(sys.getrefcount(987655), sys.getrefcount('not an identifier 2'))", "<c>", "exec")
exec(c)
print(eval("sys.getrefcount(1234567)"))
# identifier-like string constants are interned across compilations, others are not
d1, d2 = {}, {}
exec("x = 'hello world'\ny = 'hello_world'\nz = 10**20", d1)
exec("x = 'hello world'\ny = 'hello_world'\nz = 10**20", d2)
print(d1["x"] is d2["x"], d1["y"] is d2["y"], d1["z"] is d2["z"], d1["x"] == d2["x"])
print(sys.getrefcount(d1["x"]), sys.getrefcount(d1["y"]) > 2)
# what exec leaves in a fresh globals dict
g = {}
exec("pass", g)
print(list(g), g["__builtins__"] is f.__globals__["__builtins__"].__dict__)
print(sys.getsizeof(g))
