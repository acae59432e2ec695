# Results python3 cannot allocate (a terabyte): MemoryError, caught, and the run goes on.
# heapsim refuses them before the host builds anything (memory/limits.py, objects/sizecheck.py).
def t(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except MemoryError as e:
        print(label, "MemoryError", e.args)
    except Exception as e:
        print(label, type(e).__name__, e)
N = 10 ** 12
t("str_mul", lambda: "x" * N)
t("str_rmul", lambda: N * "ab")
t("bytes_mul", lambda: b"x" * N)
t("bytearray_mul", lambda: bytearray(b"x") * N)
t("list_mul", lambda: [0] * N)
t("tuple_mul", lambda: (0,) * N)
t("list_imul", lambda: [1, 2].__imul__(N))
t("ljust", lambda: "ab".ljust(N))
t("rjust", lambda: "ab".rjust(N, "-"))
t("center", lambda: "ab".center(N))
t("zfill", lambda: "12".zfill(N))
t("bytes_ljust", lambda: b"ab".ljust(N))
t("bytes_zfill", lambda: b"1".zfill(N))
t("bytes_n", lambda: bytes(N))
t("bytearray_n", lambda: bytearray(N))
t("lshift", lambda: [1 << 8 * N])
t("format_width", lambda: format(1, ">%d" % N))
t("format_str_width", lambda: format("s", "<%d" % N))
t("str_format_width", lambda: "{:>{}}".format("a", N))
t("fstring_width", lambda: f"{'a':>{N}}")
t("percent_width", lambda: "%*d" % (N, 1))
t("percent_literal_width", lambda: "%1000000000000d" % 1)
s = "x" * 1000
t("replace", lambda: s.replace("x", "y" * 10 ** 9))
t("expandtabs", lambda: "\t".expandtabs(N))
x = [1]
x *= 3
print("still running", x, len("y" * 10 ** 6))
