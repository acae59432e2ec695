# Container sizes as they grow one element at a time.
import sys

lst, dct, st, tup = [], {}, set(), ()
sizes = []
for i in range(40):
    lst.append(i)
    dct[i] = i
    st.add(i)
    tup = tup + (i,)
    sizes.append((len(lst), sys.getsizeof(lst), sys.getsizeof(dct), sys.getsizeof(st),
                  sys.getsizeof(tup)))
prev = None
for row in sizes:
    if prev is None or row[1:4] != prev[1:4]:
        print(row)
    prev = row
