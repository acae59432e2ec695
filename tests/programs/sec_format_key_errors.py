# A KeyError raised by a mapping lookup with a key the formatter made keeps its own reference
# to the key (%(key)s, {0[key]}, format_map's {key}).
for i in range(3):
    try:
        "%(xyz)s" % {}
    except KeyError as e:
        print(repr(e))
    try:
        "{0[kkk]}".format({})
    except KeyError as e:
        print(repr(e))
    try:
        "{kk}".format_map({})
    except KeyError as e:
        print(repr(e))
x = [str(i) * 3 for i in range(100)]
print("ok")
