"""Guest modules, one file per module named as in CPython's Modules/ (bltinmodule.py,
sysmodule.py, gcmodule.py, mathmodule.py, weakrefmodule.py, errnomodule.py), each with one
entry point ``init(sp)``; the module table (table.py) that names them and says when each is
created; the helpers that build module objects (modsupport.py).  Imports types/, objspace/ and
methods/, never vm/."""
