## help
help-cmd-bulletin = **bulletin** — the draft of the next monthly bulletin (the past month's meetings, decisions, action points per working group, new FAQ entries, coming meetings), as the channel will read it; facilitators add an editorial note and choose the day it goes out. Example: `bulletin` · `bulletin note Welcome to our new members!` · `bulletin note clear` · `bulletin day 3` · `bulletin day 3 10:00` · `bulletin day off`

## the bulletin's card (the draft, and the post in the channel); $month: "November 2026"
bulletin-draft = Draft of the monthly bulletin for { $month }. It goes out in the channel on { $issue }.
bulletin-posted = The community's monthly bulletin: { $month }
bulletin-note-label = From the facilitators
bulletin-meetings = { $count ->
    [one] 1 meeting held
   *[other] { $count } meetings held
}
bulletin-meeting-line = #{ $number } { $title } · { $when }
bulletin-decisions = Decisions
bulletin-decision-line = #{ $number } { $text }
bulletin-actions = Action points by working group
bulletin-community-wide = The whole community
bulletin-group-counts = { $done } done this month · { $overdue } overdue
bulletin-done-line = ✓ #{ $number } { $text } — { $owners }
bulletin-overdue-line = ⚠ #{ $number } { $text } — { $owners } · due { $day }
bulletin-faq = New FAQ entries
bulletin-faq-line = #{ $number } { $question }
bulletin-upcoming = Coming meetings
bulletin-none = None.
bulletin-more = … and { $count } more.
bulletin-withheld = { $count ->
    [one] 1 item for a working group or the facilitators only is not shown here.
   *[other] { $count } items for a working group or the facilitators only are not shown here.
}

## the bulletin command's answers
bulletin-off = The monthly bulletin is turned off. A facilitator turns it on with `bulletin day 1`.
bulletin-usage = Write `bulletin` to read the draft of the next bulletin. Facilitators: `bulletin note <text>`, `bulletin note clear`, `bulletin day 3`.
bulletin-note-set = Your note will open the bulletin that goes out on { $issue }. Write `bulletin` to read the draft.
bulletin-note-cleared = The editorial note is removed from the next bulletin.
bulletin-note-usage = Write the paragraph after `bulletin note`, e.g. `bulletin note Welcome to our new members!`; `bulletin note clear` removes it.
bulletin-note-too-long = The note has { $length } characters: { $limit } at most. Shorten it and send it again.
bulletin-day-set = The bulletin now goes out on day { $day } of each month at { $time }. The next one: { $issue }.
bulletin-day-off = The monthly bulletin is turned off. `bulletin day 1` turns it back on.
bulletin-day-usage = Give a day of the month from 1 to { $last }, and a time if you like: `bulletin day 3` or `bulletin day 3 10:00`. `bulletin day off` stops the bulletin.
