## charts on cards (bot/cards/charts.py): titles, and the labels of their bars and segments

chart-plan-title = Progress per objective
chart-objective = Objective { $number }
chart-done = Done
chart-open = Open
chart-overdue = Overdue
chart-completion-organisation = Done per organisation
chart-completion-quarter = Done per quarter
chart-attendance-title = Attendance
chart-present = Present
chart-absent = Absent
chart-votes-title = Answers so far
chart-votes-closed-title = Results
