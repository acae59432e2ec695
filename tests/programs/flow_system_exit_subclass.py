# A SystemExit subclass ends the program silently with its code, as SystemExit does.
import sys


class Done(SystemExit):
    pass


class Fixed(SystemExit):
    code = 9


print(Done(4).code, Done(1, 2).code, Done().code, Fixed(3).code)
e = Done(5)
e.code = 6
print(e.code, isinstance(e, SystemExit))
try:
    raise Done(7)
except SystemExit as caught:
    print("caught", type(caught).__name__, caught.code)
sys.stdout.flush()
raise Done(4)
