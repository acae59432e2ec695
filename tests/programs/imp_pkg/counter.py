print("init imp_pkg.counter")
import sys
RUNS = getattr(sys, "_imp_counter_runs", 0) + 1
sys._imp_counter_runs = RUNS
