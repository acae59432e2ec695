scores = {"ann": 91, "bob": 78, "cat": 91, "dan": 85, "eve": 78}
by_score = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
print(by_score)
print(sorted(scores, key=scores.get), sorted(scores.values()), max(scores, key=scores.get))
inv = {}
for k, v in scores.items():
    inv.setdefault(v, []).append(k)
print(sorted(inv.items()))
print(sorted(set("hello world")), sorted((3, 1, 2), reverse=True))
