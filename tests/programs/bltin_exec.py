import sys
x = 5
print(eval("x + 1"))
print(exec("y = x * 2"))
print(y)
g = {}
exec("a = 1\nb = a + 1", g)
print(sorted(g), g["b"], g["__builtins__"] is __builtins__.__dict__ if hasattr(__builtins__, '__dict__') else None)
l = {}
exec("c = 3", g, l)
print(l)
print(eval("a + b", g))
code = compile("z = 7\nprint('in code', z)", "<mine>", "exec")
print(type(code).__name__, code.co_name, code.co_filename)
exec(code)
print(z)
e = compile("3 * 4", "<e>", "eval")
print(eval(e))
try:
    eval("1+")
except SyntaxError as err:
    print(repr(err.msg), err.lineno, err.offset, repr(err.text), err.filename, str(err))
    print(err.args)
try:
    compile("if 1:\nx", "f.py", "exec")
except SyntaxError as err:
    print(type(err).__name__, str(err))
for bad in [(1, "f", "exec"), ("1", 2, "exec"), ("1", "f", 3), ("1", "f", "bad")]:
    try:
        compile(*bad)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
try:
    exec("1", [])
except TypeError as err:
    print(err)
try:
    eval("1", [])
except TypeError as err:
    print(err)
try:
    eval("1", {}, 5)
except TypeError as err:
    print(err)
try:
    exec(5)
except TypeError as err:
    print(err)
print(eval("  \t 2+2"))
print(eval(b"40+2"))
print(sys.getrefcount(eval("123456")))
exec("print(sys.getrefcount(98765))")
c2 = compile("print(sys.getrefcount(98766))", "<s>", "exec")
exec(c2)
d = {"__builtins__": {}}
try:
    exec("print(1)", d)
except NameError as err:
    print(err)
exec("1+", {})
