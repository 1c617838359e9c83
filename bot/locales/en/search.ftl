## Text search in the inbox: what a short word is looked for in.

inbox-short-text = Words shorter than 3 characters are looked for in the newest { $window } comments only: type 3 or more to search them all.
