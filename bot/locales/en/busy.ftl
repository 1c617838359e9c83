## An operator command that met a database lock longer than the wait allows.

busy-try-again = fanpulse is busy right now (its database is locked) and could not finish /{ $command }. Please try again in a moment.
