rows = [("item", 3, 1.5), ("longer item", 12, 22.25), ("x", 100, 0.125)]
for name, qty, price in rows:
    print(name.ljust(12, ".") + str(qty).rjust(5) + ("%.2f" % price).rjust(9) + "|" + str(qty).zfill(4) + "|" + name.center(13, "-"))
print("{:-^30}".format(" total "), "{:>10.3e}".format(sum(q * p for _, q, p in rows)))
