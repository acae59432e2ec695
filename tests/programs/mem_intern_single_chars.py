s = 'xyzab'
x0 = 'xyz'[0]; e8 = '\xc8'; yy = 'y'
res = [s[0] is x0, chr(120) is s[0], chr(200) is e8, s[1:2] is yy]
lst = list('hello')
res.append(lst[2] is lst[3])
five = '5'
res.append(str(5) is five)
print(res)
