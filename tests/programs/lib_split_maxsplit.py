import sys
s = "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o"
for n in (-1, 0, 1, 5, 11, 12, 13, 20):
    p = s.split(",", n)
    q = s.rsplit(",", n)
    print(n, len(p), p[-1][:5], q[0][:5], sys.getsizeof(p), sys.getsizeof(q))
ws = "  lead  and   trail  "
print(ws.split(), ws.split(None, 1), ws.rsplit(None, 1), ws.split(" "))
print(sys.getsizeof(" ".join(["w"] * 30).split()), sys.getsizeof("x".split(",")))
