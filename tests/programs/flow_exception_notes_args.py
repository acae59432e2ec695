class MyError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code

    def __str__(self):
        return f"[{self.code}] {self.args[1]}"

out = []
try:
    raise MyError(404, "not here")
except MyError as e:
    out.append((str(e), repr(e), e.args, e.code))

e = KeyError("quoted")
out.append((str(e), repr(e)))
out.append((str(KeyError()), str(KeyError(1, 2)), str(ValueError()), repr(ValueError())))
e2 = ValueError("base")
e2.add_note("note one")
e2.add_note("note two")
out.append(e2.__notes__)
try:
    e2.add_note(5)
except TypeError as te:
    out.append(str(te))
w = e2.with_traceback(None)
out.append(w is e2)
for o in out:
    print(o)
final = MyError(500, "server")
final.add_note("while serving /index")
final.add_note("retry later")
raise final
