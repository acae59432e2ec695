class A:
    x = 5
    def __format__(self, spec): return 'A<' + spec + '>'
a = A()
def t(f, *args, **kw):
    try:
        r = f.format(*args, **kw)
        print(repr(f), '->', repr(r))
    except Exception as e:
        print(repr(f), 'EXC', type(e).__name__, e)
s = 'hello'
print('{}'.format(s) is s, '{:5}'.format(s) is s, 'abc'.format() , '{0}{1}'.format(1, 2))
t('{0.x}', a); t('{0.x:>4}', a); t('{0:xy}', a); t('{0[0]}', [a]); t('{0[k]}', {'k': 3})
t('{0[1]}', {1: 'one'}); t('{x.x!r:>5}', x=a); t('{}{}', 1); t('{0}{}', 1, 2); t('{}{0}', 1, 2)
t('{'); t('}'); t('{0'); t('{0!'); t('{0!r'); t('{0!x}', 1); t('{0!rr}', 1); t('{0:{1:{2}}}', 1, 2, 3)
t('{0:{1}}', 'abc', '>6'); t('{a[}'); t('{0[0]x}', [1]); t('{0.}', a); t('{0[]}', [1]); t('{x}', y=1)
t('{0.nope}', a); t('{0.__class__}', a); t('{0[9]}', [1]); t('{5}', 1); t('{0:d}', 'x')
t('{:{}}', 'a', 5); t('{!a}', 'é'); t('{0[99999999999999999999999]}', [1]); t('{99999999999999999999}', 1)
t('{0!\x01}', 1); t('{0}}', 1); t('{{}}'); t('{{{0}}}', 1); t('{:,}', 10**20); t('{:.3f}', 2.5)
t('{a:{b}}', a='x', b='>3'); t('{٣}', 0,1,2,3)
print('{x}'.format_map({'x': 1}))
class M(dict):
    def __missing__(self, k): return k.upper()
print('{ab} {cd}'.format_map(M()))
try: '{0}'.format_map({})
except ValueError as e: print(e)
try: '{x}'.format_map([])
except TypeError as e: print(e)
class S(str): pass
print(type(S('ab').format()), type('{}'.format(S('x'))), type(S('').format()))
print(f'{a:zz}', f'{3.5:>{6}}', format(a, 'q'))
# the fields are guest lookups: names a host wrapper would have are unknown to the guest
for f in ('{0._sp}', '{0._obj}', '{0._keep}', '{0.sp}', '{0.obj}', '{0.keep}', '{0.kw}'):
    t(f, a)
    t(f, [a])
t('{0.__format__.__self__.x}', a)
t('{0.__class__.__mro__}', a)
t('{0.__dict__}', a)
t('{0.__class__.__dict__[x]}', a)
# !a in f-strings and str.format: the repr with non-ASCII characters escaped
x = "\xe9\u20ac\U0001f600"
print(f"{x!a}", f"{[x]!a:>30}", "{!a}".format(x), "{0!a:^20}".format([x, 1]), ascii(x))
class R:
    def __repr__(self):
        return "r\xe9pr"
print(f"{R()!a}", "{!a}".format(R()))
# which results are the argument itself (_PyUnicodeWriter's whole-string case), and no
# block is left behind
import sys
s = "a longer string"
print("{}".format(s) is s, "{0}".format(s) is s, "{:s}".format(s) is s, "{:<3}".format(s) is s,
      "x{}".format(s) is s, "{}{}".format(s, "") is s, "{}{}".format("", s) is s,
      "{!s}".format(s) is s, "{0[0]}".format([s]) is s, "{k}".format(k=s) is s,
      "{k}".format_map({"k": s}) is s, s.format() is s, "{{}}".format() == "{}")
def work():
    for i in range(20):
        "{0}-{1!r}-{2[0]}-{k.x:>5}".format(s, s, [s], k=a)
        "{:{}}".format(s, 30)
        "{k[0]}{k[1]!s:^9}".format(k={0: s, 1: a})
work()
rc = sys.getrefcount(s)
before = sys.getallocatedblocks()
work()
print(sys.getallocatedblocks() - before, sys.getrefcount(s) - rc)
