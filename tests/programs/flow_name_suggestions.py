total_count = 10

def compute(items):
    running_sum = 0
    for it in items:
        running_sum += it
    try:
        return runing_sum
    except NameError as e:
        msgs.append(str(e))
    try:
        return total_cont
    except NameError as e:
        msgs.append(str(e))
    return lenght(items)

msgs = []
try:
    compute([1, 2])
except NameError as e:
    msgs.append(str(e))
for m in msgs:
    print(m)

def deeper(values):
    local_values = values
    return [v for v in local_vlaues]

deeper([1])
