## help
help-cmd-actions = **actions** — your open action points; also `actions all`, `actions overdue`, `actions @name`, `actions group Name`, and `actions report [quarter|year]`. Example: `actions overdue`
help-cmd-action = **action** — record or update an action point (`action add` alone opens a form). Example: `action add Share the flood trigger data | @Omar | next Thursday` · `action done 3` · `action progress 3 draft sent`

## results (shown above the action's card)
action-added = Action #{ $number } recorded.
action-card = Action #{ $number }
action-done = Action #{ $number } is done. Thank you!
action-cancel = Action #{ $number } is cancelled.
action-progress = Progress noted on action #{ $number }.
action-blocked = Action #{ $number } is marked blocked.
action-due = Action #{ $number } has a new due date.
action-reassign = Action #{ $number } has a new owner.

## the card
action-status = { $status ->
    [open] Open
    [in_progress] In progress
    [blocked] Blocked
    [done] Done
   *[cancelled] Cancelled
}
action-status-label = Status
action-owners-value = { $owners }
action-owners-label = Owners
action-due-label = Due
action-group-label = Working group
action-due-value = { $day }
action-no-due = no due date
action-overdue = { $days ->
    [one] { $day } — { $days } day overdue
   *[other] { $day } — { $days } days overdue
}
action-button-done = Done
action-button-progress = Add progress
action-button-snooze = Snooze a week
action-button-save = Save
action-progress-placeholder = What has happened since?
action-history-title = History
action-history-line = { $at } · { $who }: { $kind ->
    [created] recorded it
    [done] marked it done
    [cancel] cancelled it
    [progress] added progress
    [blocked] marked it blocked
    [due] changed the due date
   *[reassign] gave it to someone else
}{ $note }

## lists
actions-list = { $title ->
    [mine] Your open actions
    [all] All open actions
    [overdue] Overdue actions
    [member] Open actions of { $subject }
   *[group] Open actions of { $subject }
} ({ $count })
actions-empty = Nothing here: no open action matches.
actions-page = Page { $page } of { $pages } — add `{ $next }` to the same command for more.
actions-page-unknown = There is no page { $page }: the list has { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}.
actions-filter-unknown = “{ $given }” is not a list Tansiq knows. Try `actions`, `actions all`, `actions overdue`, `actions @name` or `actions group Name`.

## mistakes
action-usage = Write `action add WHAT | OWNERS | DUE DATE`, or `action done 3`, `action progress 3 NOTE`, `action blocked 3 REASON`, `action due 3 DATE`, `action reassign 3 @name`, `action cancel 3`.
action-text-missing = Say what is to be done, for example `action add Share the flood trigger data | me | next Thursday`.
action-text-too-long = That action is too long ({ $length } characters); keep it under { $limit } and put details in a progress note.
action-owners-missing = Who will do it? Put owners after a “|”: @mention them, or write `me`. Example: `action add Draft the protocol | @Omar | 15 December`.
action-owner-self-only = Members can record actions for themselves (`me`); ask a facilitator to give one to someone else.
action-number-missing = Which action? Give its number, for example `action done 3`.
action-unknown = There is no action #{ $number } in this community. `actions all` lists them.
action-not-yours = Action #{ $number } is not yours: only its owners and the facilitators can change it.
action-closed = Action #{ $number } is already { action-status }; it cannot change any more.
action-note-missing = Add a few words after the number, for example `action { $verb ->
    [progress] progress
   *[blocked] blocked
} { $number } waiting for the rainfall data`.
action-due-missing = Give the new date, for example `action due { $number } next Thursday`.
action-reassign-missing = @mention the new owner, for example `action reassign { $number } @Omar`.
action-reassign-facilitators = Only a facilitator can give action #{ $number } to someone else; ask one, or mark your progress instead.
group-unknown = There is no open working group called “{ $name }”.

## 1:1 notice to a new owner (delivered by the reminders)
action-assigned = { $by } gave you action #{ $number }: { $text }

## report
actions-report = Action points { $period ->
    [quarter] this quarter ({ $start } – { $end })
    [year] this year ({ $start } – { $end })
   *[all] since the start
}
report-empty = No action points were recorded in this period.
report-by-organisation = By organisation
report-by-group = By working group
report-by-quarter = By quarter recorded
report-figures = Open { $open } · Done { $done } · Overdue { $overdue } · { $completion } done · Median { $late } days late
report-figures-never-late = Open { $open } · Done { $done } · Overdue { $overdue } · { $completion } done
report-total = All actions
report-none = —
report-note = “done” is done ÷ (done + open); “days late” is the median for done actions that had a due date.
report-quarter = Q{ $quarter } { $year }
report-download = Download as CSV
link-refused = This link is not valid any more (it expired, or it was made for someone who is no longer a facilitator). Ask Tansiq for a new report.
report-period-unknown = “{ $given }” is not a period. Use `actions report quarter`, `actions report year` or just `actions report`.

## the form (`action add` with nothing after it)
action-form = New action point
action-form-text = What is to be done?
action-form-text-placeholder = e.g. Share the flood trigger data with the national societies
action-form-owners = Owners
action-form-due = Due date (optional)
action-form-group = Working group (optional)
action-form-no-group = None
action-form-submit = Record the action

## pages and long lists
actions-page-usage = “{ $given }” is not a page of the list: it has { $pages ->
    [one] one page, so leave the number out
   *[other] { $pages } pages, from 1 to { $pages }
}.
actions-more-button = Next page ({ $next } of { $pages })
action-list-cut = Shortened: `action { $number }` shows it whole.
action-form-owners-search = Type a name to find other members.
