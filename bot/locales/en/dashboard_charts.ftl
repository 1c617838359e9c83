# The dashboard's charts (bot/dashboard/charts.py).
dashboard-bad-scheme = The colour scheme must be one of { $allowed }.
ui-overview-chart-failed = The chart could not be drawn just now; the numbers above are complete.
