# sys.exit(n) for an n that fits a C long: the status is n's low 8 bits (2**32 + 3 -> 3).
import sys


class Code(int):
    pass


print("exit")
sys.exit(Code(2**32 + 3))
