## Live facts: what members owe (overdue actions, an action's due day, votes waiting, attendance)

fact-overdue-mine = { $count ->
    [one] Your overdue action ({ $count })
   *[other] Your overdue actions ({ $count })
}
fact-overdue-all = { $count ->
    [one] Overdue action ({ $count })
   *[other] Overdue actions ({ $count })
}
fact-overdue-none-mine = Nothing of yours is overdue. `actions` lists your open actions.
fact-overdue-none = No open action is overdue.

fact-action-due-mine = Your open actions and their due dates ({ $count })
fact-action-due-later = { $days ->
    [one] Action #{ $number } is due on { $due }, tomorrow. Status: { action-status }.
   *[other] Action #{ $number } is due on { $due }, in { $days } days. Status: { action-status }.
}
fact-action-due-today = Action #{ $number } is due today, { $due }. Status: { action-status }.
fact-action-overdue = { $days ->
    [one] Action #{ $number } was due on { $due }: it is { $days } day overdue. Status: { action-status }.
   *[other] Action #{ $number } was due on { $due }: it is { $days } days overdue. Status: { action-status }.
}
fact-action-due-none = Action #{ $number } has no due date. Status: { action-status }. Its owners or a facilitator can set one with `action due { $number } DATE`.
fact-action-due-closed = Action #{ $number } is already { $status ->
    [done] done
   *[cancelled] cancelled
}: nothing is due any more.

fact-votes-open = { $count ->
    [one] One vote is waiting for your answer
   *[other] { $count } votes are waiting for your answer
}
fact-votes-none = No endorsement or poll is open right now.
fact-votes-all-answered = No vote is waiting for you: you have answered every open endorsement and poll. `votes` shows them with the answers so far.

fact-attendance-no-meeting = No meeting has been held yet.
fact-attendance = { $count ->
    [one] At “{ $meeting }” on { $when }, { $count } person was recorded as present: { $names }.
   *[other] At “{ $meeting }” on { $when }, { $count } people were recorded as present: { $names }.
}
fact-attendance-not-recorded = Attendance was not recorded for the last meeting, “{ $meeting }” on { $when }.
fact-attendance-none-recorded = Attendance has not been recorded for any meeting yet.
fact-my-attendance = { $count ->
    [one] You attended { $attended } of { $count } meeting with recorded attendance.
   *[other] You attended { $attended } of the last { $count } meetings with recorded attendance.
} { $present ->
    [yes] You were present at “{ $meeting }” on { $when }.
   *[no] You were not on the list of “{ $meeting }” on { $when }; a facilitator can correct it with `attended @name`.
}
