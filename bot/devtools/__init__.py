"""Servers and fakes for the tests, the benchmarks and `tasks.py`; the product never imports them.

`postgres.py` is imported by `tasks.py` with the system Python, so this package stays standard
library only at import time.
"""
