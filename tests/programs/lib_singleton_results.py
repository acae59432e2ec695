import sys
big = 10 ** 9
results = {
    "chr": sys.getrefcount(chr(120)) > 10000,
    "strip1": sys.getrefcount(" z ".strip()) > 10000,
    "split1": sys.getrefcount("a b".split()[0]) > 10000,
    "upper1": sys.getrefcount("q".upper()) > 10000,
    "join2": sys.getrefcount("".join(["q", ""])) > 10000,
    "str_int": sys.getrefcount(str(7)) > 10000,
    "fmt_d": sys.getrefcount(format(7, "d")) > 10000,
    "bytes1": sys.getrefcount(bytes([7])) > 10000,
    "small_int": sys.getrefcount(int("7")) > 10000,
    "round": sys.getrefcount(round(7.2)) > 10000,
    "len": sys.getrefcount(len("abc")) > 10000,
}
print(results)
