import sys, gc
print(__debug__, repr(exit), repr(quit), type(exit), type(help))
print(str(quit), gc.is_tracked(exit), sys.getsizeof(exit), callable(exit), callable(help))
print(repr(help))
print(type(breakpoint), type(input), type(aiter), type(anext))
try:
    exit(1, 2)
except TypeError as e:
    print(e)
try:
    exit()
except SystemExit as e:
    print("code", e.code, e.args)
try:
    quit(5)
except SystemExit as e:
    print("code", e.code, e.args)
try:
    input(1, 2)
except TypeError as e:
    print(e)
if __debug__:
    print("debug on")
exit("bye")
