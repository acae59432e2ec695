print("{} and {}".format("spam", "eggs"), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:08.3f}".format(3.14159), "{:,}".format(1234567))
print("{:x} {:o} {:b} {:#x} {:e}".format(255, 8, 5, 255, 12345.678))
print("{0[0]} {0[1]}".format(["a", "b"]), "{d[k]}".format(d={"k": "v"}), "{!r:>6}".format("q"))
print("{:{w}}|".format("n", w=5), "{{literal}}".format(), "{:%}".format(0.25))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{a}".format(b=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
