## community: a person in several communities of one deployment chooses which one their 1:1 chat speaks to
## $community: a community's name (its team's); $count: how many communities the member is in

help-cmd-community = **community** — if you are in several communities, choose which one your 1:1 chat with Tansiq speaks to. Example: `community` · `community 2`
community-choose = You are in { $count } communities. Your 1:1 chat with Tansiq speaks to **{ $community }**.
community-line = { $number }. { $community }
community-line-now = { $number }. { $community } (current)
community-hint = Press a community, or write `community N`, to speak to it here from now on.
community-only = You are in one community: { $community }.
community-here = This conversation belongs to { $community }. If you are in several communities, write `community` in your 1:1 chat with Tansiq to choose which one it speaks to.
community-chosen = Done: from now on your 1:1 chat with Tansiq speaks to { $community }.
community-unknown = You are not in a community called “{ $given }”. Write `community` to see yours, then `community N`.
