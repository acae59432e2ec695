import sys
def report(kind):
    return kind.upper()

status = {"ok": 1}
results = [report("a"), len(status)]
print(results)
print(sys.getrefcount(report) > 0)
isinstanse(results, list)
