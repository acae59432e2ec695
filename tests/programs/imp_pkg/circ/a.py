print("init circ.a start")
A_EARLY = "a-early"
from . import b
A_LATE = "a-late"
print("init circ.a end", b.B)
