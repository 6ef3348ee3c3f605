## live facts: the agenda of a named or dated meeting, a working group's lead and members

fact-agenda-empty = Nothing is on the agenda of “{ $meeting }” ({ $when }) yet.
fact-agenda-none-on-day = No meeting you can see is on { $day }. { $count ->
    [0] No other meeting is scheduled either.
    [one] The nearest one:
   *[other] The nearest ones:
}
fact-agenda-none-in-month = No meeting you can see is in { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}. { $count ->
    [0] No other meeting is scheduled either.
    [one] The nearest one:
   *[other] The nearest ones:
}
fact-group-lead = { $group } is led by { $names }. `group { $group }` shows its members.
fact-group-no-lead = { $group } has no lead yet. A facilitator names one with `group lead { $group } @name`.
fact-group-members = { $leads ->
    [0] { $group } has no lead yet
   *[other] { $group } is led by { $names }
} · { $count ->
    [one] { $count } member
   *[other] { $count } members
}
fact-group-unknown = I know no working group by that name. The groups you can ask about ({ $count }):
