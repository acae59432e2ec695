chunks = []
while True:
    chunks.append([0] * 10000)
