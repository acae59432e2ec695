x = 3.14159
n = 1234567
name = "heap"
print(f"{x:.2f} {n:,} {n:_} {name:>8} {name!r} {name!s:^10}|")
print(f"{n:#x} {n:e} {x:10.4f}| {-x:+.1f} {x:=^12.2f}")
w = 7
print(f"{name:{w}}|{x:{w}.{2}f}|")
print(f"{[1, 2]} {(1,)} {None} {True:d}")
