# String processing: building, splitting, joining, searching, case changes,
# formatting and slicing of str objects.
WORDS = "the quick brown fox jumps over the lazy dog while heapsim watches every byte".split()


def make_text(n):
    parts = []
    for i in range(n):
        parts.append(WORDS[i % len(WORDS)])
        if i % 9 == 8:
            parts.append("\n")
    return " ".join(parts)


def process(text):
    lines = text.split("\n")
    out = []
    vowels = 0
    for line in lines:
        line = line.strip()
        if not line:
            continue
        words = line.split(" ")
        title = " ".join(w.capitalize() for w in words)
        out.append(title.replace("Fox", "Cat"))
        for ch in line:
            if ch in "aeiou":
                vowels += 1
    return out, vowels


def formatting(n):
    acc = []
    for i in range(n):
        s = f"{i:05d}|{i * 3.5:8.2f}|{hex(i)}"
        acc.append(s[::-1].upper())
    joined = ",".join(acc)
    return len(joined), joined.count("F"), joined.find("99")


text = make_text(30000)
out, vowels = process(text)
print(len(text), len(out), vowels, out[3], formatting(20000))
