## Text search in the inbox: what a short word is looked for in.

inbox-short-text = Words shorter than 3 characters are looked for in the newest { $window } comments only: type 3 or more to search them all.

## /inbox_counts over a period holding more comments than it reads.

inbox-counts-newest = Counted over the newest { $window } comments of this period: choose a shorter period for the full figures.
