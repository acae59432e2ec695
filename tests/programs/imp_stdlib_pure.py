"""Pure-Python modules of the host's standard library, found on sys.path after the script's
folder and run as guest code: heapq, bisect and operator fall back to their pure-Python code
(their C accelerators are ModuleNotFoundError inside the library's own ``try``, a documented
difference: nothing here prints where a function came from)."""
import sys
print([p for p in sys.path[1:] if p.endswith(("python3.11", "lib-dynload", ".zip"))] ==
      [p for p in sys.path if p.endswith(("python3.11", "lib-dynload", ".zip"))][:3])
import heapq
import bisect
import keyword
import operator
import colorsys
import stat
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heappop(h), heapq.nsmallest(2, [4, 2, 7, 1]), heapq.nlargest(2, [4, 2, 7]))
heapq.heappush(h, 0)
print(h, heapq.heappushpop(h, 10), heapq.heapreplace(h, -1), h)
a = [1, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4))
bisect.insort(a, 4)
bisect.insort_left(a, 3, key=None)
print(a, bisect.bisect_left(a, 5, lo=2, hi=4))
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"),
      len(keyword.kwlist), keyword.softkwlist)
print(operator.add(2, 3), operator.itemgetter(1, 0)("ab"), operator.attrgetter("real")(5),
      operator.methodcaller("upper")("x"), operator.neg(4), operator.index(7),
      operator.contains([1], 1), operator.not_(0), operator.concat([1], [2]))
print(repr(operator.itemgetter(1)), repr(operator.attrgetter("a", "b")))
print(operator.__name__, heapq.__name__, bisect.__spec__.name, keyword.__package__)
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), colorsys.hls_to_rgb(0.5, 0.5, 0.5))
print(stat.S_ISDIR(0o040755), stat.filemode(0o100644), stat.S_IMODE(0o100755))
# python3 differs from here on: it has the accelerators (_heapq, _bisect, _operator), so
# heapq.heappush.__module__ is '_heapq' there; heapsim runs the pure-Python definitions.
