def t(label, f):
    try:
        r = f()
        print(label, "ok", str(r)[:20])
    except Exception as e:
        print(label, type(e).__name__, e)
t("str_int", lambda: str(10 ** 5000))
t("repr_int", lambda: repr(10 ** 5000))
t("fmt_int", lambda: '{}'.format(10 ** 5000))
t("fstr_int", lambda: f'{10 ** 5000}')
t("pct_int", lambda: '%d' % 10 ** 5000)
t("int_str", lambda: int('1' * 5000))
t("print", lambda: print(10 ** 5000))
t("hex", lambda: hex(10 ** 5000)[:5])
class I(int):
    pass
t("subclass_str", lambda: str(I(10 ** 5000)))
t("just_under", lambda: len(str(10 ** 4299)))
t("negative", lambda: str(-10 ** 4300))
t("format_spec", lambda: format(10 ** 5000, ","))
t("int_bytes", lambda: int(b"1" * 5000))
t("hex_ok", lambda: len(hex(10 ** 5000)))
try:
    print(10 ** 5000)
except ValueError as e:
    print("print:", e)
