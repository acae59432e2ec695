"""Guest modules, one file per module named as in CPython's Modules/ (sysmodule.py, gcmodule.py,
mathmodule.py, ...), and the module table.  Imports types/, objspace/ and methods/."""
