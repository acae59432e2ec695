c = complex(1, 2)
print(c, complex(), complex(3), complex("1+2j"), complex(" 3j "), complex(1.5, -0.5), complex(2j, 1))
print(c.real, c.imag, c.conjugate(), abs(complex(3, 4)), c * c, c == 1 + 2j)
print(bool(), bool(0), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(0j), bool(range(0)))
print(True + True, True * 3, bool(-1), int(False), str(True), repr(False), True is bool(1))
try:
    complex("1+2j", 1)
except TypeError as e:
    print(e)
try:
    complex("junk")
except ValueError as e:
    print(e)
