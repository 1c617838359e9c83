## The dashboard when this instance runs as many calls as it may at once (bot/dashboard/in_flight.py).

dashboard-busy = The dashboard is busy right now. Try again in a moment.
