# dir() of modules lists their namespace, sorted; dir() of a generic alias adds its own names
# to the origin's; dir() with no argument in a function lists its locals
import sys, gc
import _lang_dmod, _lang_dmod_dir
print(dir(gc))
print(dir(sys) == sorted(sys.__dict__))
print(dir(_lang_dmod))
_lang_dmod.extra = 1
del _lang_dmod.a
try:
    del _lang_dmod.a
except AttributeError as e:
    print(e)
print(dir(_lang_dmod))
print(dir(_lang_dmod_dir))
print(dir(list[int]) == dir(list), [n for n in dir(list[int]) if n not in dir(list)])
def f(p, q=2):
    r = 3
    return dir()
print(f(1))
print(dir() == sorted(globals()))
