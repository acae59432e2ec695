"""What people use: the command line, traces, reports and exports.  Nothing below imports it."""
