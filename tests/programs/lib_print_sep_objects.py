class R:
    def __str__(self):
        return "R-str"
    def __repr__(self):
        return "R-repr"
print(R(), [R()], (R(),), {1: R()}, sep="; ")
print("%s %r" % (R(), R()), "{} {!r}".format(R(), R()), f"{R()} {R()!r}")
print(str(R()), repr(R()), format(R()), ascii(R()))
