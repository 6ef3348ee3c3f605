## help
help-cmd-meetings = **meetings** — the coming meetings, in your time zone, with a calendar file for each. Example: `meetings`
help-cmd-meeting = **meeting** — schedule and manage meetings (facilitators; `meeting add` alone opens a form). Example: `meeting add Quarterly plenary | 15 December 14:00 | every quarter | https://teams.microsoft.com/l/meetup-join/…` · `meeting move 2 | next Thursday 10:00` · `meeting cancel 2` · `meeting close 2`
help-cmd-agenda = **agenda** — the next meeting’s agenda, or propose an item (`agenda add` alone opens a form). Example: `agenda add Flood early-warning triggers | review the thresholds` · facilitators: `agenda accept 4` · `agenda order 4 2 3`
help-cmd-decision = **decision** — record what the meeting decided, or a decision taken outside a meeting (facilitators). Example: `decision add Adopt the shared 4W template | item 4` · `decision add Extend the mapping to Hama | no meeting` · `decision add from poll 3`
help-cmd-minutes = **minutes** — the minutes of a meeting; facilitators edit and publish them. Example: `minutes 2` · `minutes edit 2 | Summary…` (kept in the language it is written in; `minutes edit 2 ar | …` or `en` names it) · `minutes publish 2`
help-cmd-attended = **attended** — who attended the meeting (facilitators). Example: `attended 2 @Omar @Leila`

## meetings
meeting-kind = { $kind ->
    [plenary] Plenary
    [follow-up] Follow-up
    [face-to-face] Face to face
    [working-group] Working group
   *[other] Meeting
}
meeting-added = Meeting #{ $number } is scheduled.
meeting-moved = Meeting #{ $number } moved (it was { $before }).
meeting-moved-series = The whole series #{ $number } moved (its next meeting was { $before }).
meeting-card = Meeting #{ $number }
meeting-when-label = When
meeting-zone-note = { $time } ({ $area })
meeting-repeat-label = Repeats
meeting-place-label = Place
meeting-link-label = Join
meeting-group-label = Working group
meeting-deadline-label = Agenda items until
meeting-agenda-count = { $count ->
    [0] No agenda items yet
    [one] One agenda item
   *[other] { $count } agenda items
}
meeting-calendar = Add to calendar (.ics)
meeting-join = Join online
meeting-agenda-button = Agenda
meetings-list = { $count ->
    [0] No meetings are coming up.
    [one] The next meeting
   *[other] The next { $count } meetings
}
meetings-empty-hint = Facilitators schedule one with `meeting add`.
meeting-cancelled-one = Meeting #{ $number } “{ $title }” of { $when } is cancelled. { $items ->
    [0] It had no open agenda items.
    [one] Its open agenda item moved to the next meeting ({ $next }).
   *[other] Its { $items } open agenda items moved to the next meeting ({ $next }).
}
meeting-cancelled-single = Meeting #{ $number } “{ $title }” is cancelled. { $items ->
    [0] No agenda items were waiting.
    [one] One agenda item was waiting for it; see `agenda`.
   *[other] { $items } agenda items were waiting for it; see `agenda`.
}
meeting-cancelled-series = The meeting series #{ $number } “{ $title }” is cancelled. { $items ->
    [0] No agenda items were waiting.
    [one] One agenda item was waiting for it; see `agenda`.
   *[other] { $items } agenda items were waiting for it; see `agenda`.
}
meeting-closed = Meeting #{ $number } of { $when } is closed: { $discussed } { $discussed ->
    [one] item discussed
   *[other] items discussed
}, { $carried } carried forward{ $carried ->
    [0] {""}
   *[other] {" "}to { $next }
}. Next: `decision add …`, `minutes { $number }`.
meeting-already-closed = Meeting #{ $number } of { $when } was already closed ({ $at }); nothing changed.

## meeting mistakes
meeting-usage = Write `meeting add TITLE | WHEN`, `meeting move N | WHEN`, `meeting cancel N` or `meeting close N`. See `meetings` for the numbers.
meeting-number-missing = Which meeting? Add its number, for example `meeting cancel 2`; `meetings` shows the numbers.
meeting-unknown = There is no meeting #{ $number }. `meetings` shows the numbers.
meeting-title-missing = A meeting needs a title. Write for example `meeting add Quarterly plenary | 15 December 14:00`.
meeting-when-missing = When is the meeting? Write for example `meeting add Monthly follow-up | next Thursday 10:00` or `… | 2026-12-15 14:00`.
meeting-title-too-long = That title has { $length } characters; the limit is { $limit }.
meeting-place-too-long = The place can have at most { $limit } characters.
meeting-link-invalid = “{ $given }” is not a web link Tansiq can use; give one starting with https://.
meeting-duration-invalid = A meeting lasts between 5 minutes and { $hours } hours; write for example `for 90 minutes`.
meeting-deadline-invalid = The agenda deadline must be between 0 and { $days } days before the meeting; write for example `deadline 48 hours`.
meeting-already-cancelled = Meeting #{ $number } is already cancelled.
meeting-move-when-missing = Where to? Write for example `meeting move { $number } | next Thursday 10:00` (add `| all` to move the whole series).
meeting-nothing-ahead = Meeting #{ $number } has no coming occurrence.
meeting-no-occurrence-on = Meeting #{ $number } does not meet on { $day }. `meetings` shows its dates.
meeting-not-started = Meeting #{ $number } has not started yet; close it and write its minutes once it has.
meeting-close-usage = Write `meeting close N`, or `meeting close N | skip 4 5` for accepted items that were not discussed.
no-meeting-held = No meeting has been held yet.

## agenda
agenda-title = Agenda — { $title }
agenda-meeting-line = #{ $number } · { $when }
agenda-deadline = Items until { $deadline }
agenda-deadline-passed-note = The deadline for items has passed; new items go to the following meeting.
agenda-empty = No items yet. Propose one with `agenda add TITLE`.
agenda-status = { $status ->
    [accepted] Accepted
    [proposed] Proposed
    [deferred] Deferred
    [discussed] Discussed
    [carried] Carried forward
   *[removed] Removed
}
agenda-item-line = #{ $number } · { $title }
agenda-item-by = Proposed by { $name }
agenda-item-presenter = presented by { $name }
agenda-item-minutes = minutes requested
agenda-item-confidential = confidential
agenda-manage-hint = Facilitators: `agenda accept|defer|remove N`, `agenda order N N …`.
agenda-add-button = Propose an item
agenda-item-added = Agenda item #{ $number } “{ $title }” is proposed for { $meeting } ({ $when }). A facilitator will accept it.
agenda-item-added-next = The deadline for { $meeting } passed on { $deadline }, so item #{ $number } “{ $title }” is proposed for the following meeting ({ $when }).
agenda-item-accepted = Agenda item #{ $number } “{ $title }” is accepted.
agenda-item-deferred = Agenda item #{ $number } “{ $title }” is deferred; it carries forward when the meeting closes.
agenda-item-removed = Agenda item #{ $number } “{ $title }” is removed from the agenda.
agenda-ordered = The agenda now starts with { $order }.
agenda-form = Propose an agenda item
agenda-form-title = Title
agenda-form-details = Details (optional)
agenda-form-meeting = Meeting
agenda-form-next = The next meeting
agenda-form-group = Working group (optional)
agenda-form-minutes = Please record this item in the minutes
agenda-form-confidential = Confidential: keep it out of the published minutes
agenda-form-submit = Propose

## agenda mistakes
agenda-usage = Write `agenda` to see the next agenda, `agenda add TITLE` to propose an item; facilitators also `agenda accept|defer|remove N` and `agenda order N N …`.
agenda-title-missing = An agenda item needs a title. Write for example `agenda add Flood early-warning triggers | review the thresholds`.
agenda-title-too-long = That title has { $length } characters; the limit is { $limit }.
agenda-details-too-long = The details can have at most { $limit } characters.
agenda-add-usage = Write `agenda add TITLE | DETAILS`; optional parts: `| for N`, `| presenter @name`, `| group NAME`, `| minutes`, `| confidential`.
agenda-presenter-missing = Who presents it? @mention them, for example `| presenter @Omar`.
agenda-no-meeting = There is no meeting coming up to add items to. Facilitators schedule one with `meeting add`.
agenda-deadline-passed = The deadline for items for meeting #{ $meeting } passed on { $deadline }, and no meeting follows it. Ask a facilitator to add your item.
agenda-duplicate = This looks like item #{ $number } “{ $title }”, already on that agenda. If it is different, give it a clearer title.
agenda-number-missing = Which item? Add its number, for example `agenda accept 4`; `agenda` shows the numbers.
agenda-unknown = There is no agenda item #{ $number }. `agenda` shows the numbers.
agenda-withheld = { $count ->
    [one] 1 confidential item (facilitators only).
   *[other] { $count } confidential items (facilitators only).
}
agenda-duplicate-unseen = An item much like this is already on that agenda. If yours is different, give it a clearer title.
agenda-item-closed = Agenda item #{ $number } is already { $status ->
    [discussed] discussed
    [carried] carried forward
   *[removed] removed
}.
agenda-order-usage = Write the item numbers in the order you want, for example `agenda order 4 2 3`.
agenda-order-repeated = Each item can appear once in the order.
agenda-order-mixed = Those items belong to different meetings; order one meeting’s agenda at a time.
agenda-not-on-meeting = Item #{ $number } is not on meeting #{ $meeting }’s agenda.

## decisions and attendance
decision-added = Decision #{ $number } is recorded for { $meeting } ({ $when }){ $item ->
    [0] {""}
   *[other] {" "}on item #{ $item }
}.
decision-usage = Write `decision add TEXT`; optional parts: `| item N`, `| meeting N`, `| confidential`, and `| no meeting` for a decision taken outside a meeting. `decision add from poll N` records a closed poll’s result.
decision-added-outside = Decision #{ $number } is recorded as taken outside a meeting.
decision-added-from-poll = The result of poll #{ $poll } is recorded as decision #{ $number }.
decision-outside-and-meeting = A decision belongs to a meeting (`| item N`, `| meeting N`) or is taken outside one (`| no meeting`, `| poll N`), not both.
decision-last-minutes-published = The minutes of the last meeting, { $meeting }, are already published, so nothing more can be added to them. For a decision taken outside a meeting, write `decision add TEXT | no meeting`; for a poll’s result, `decision add from poll N`.
decision-poll-is-endorsement = #{ $number } is an endorsement: when the members pass it, it is recorded as a decision by itself.
decision-poll-open = Poll #{ $number } is still open. Close it first with `poll close { $number }`, then record its result.
decision-poll-recorded = The result of poll #{ $number } is already recorded as decision #{ $decision }.
decision-poll-no-winner = Poll #{ $number } has no single winning option (a tie, or no answers). Write the decision in your own words: `decision add TEXT | poll { $number }`.
decision-text-missing = What was decided? Write for example `decision add Adopt the shared 4W template`.
decision-text-too-long = That decision has { $length } characters; the limit is { $limit }.
attended-usage = @mention who attended, for example `attended 2 @Omar @Leila`.
attendance-recorded = { $count ->
    [one] One attendee
   *[other] { $count } attendees
} recorded for the meeting of { $when }.

## minutes
minutes = Minutes
minutes-draft = Draft minutes — not published yet
minutes-published = The minutes are published.
minutes-withheld = { $count ->
    [one] One confidential point is kept out of them.
   *[other] { $count } confidential points are kept out of them.
}
minutes-draft-hint = Facilitators: `minutes edit { $number } | SUMMARY`, `attended { $number } @name`, then `minutes publish { $number }`.
minutes-download-md = Download (Markdown)
minutes-download-docx = Download (Word)
minutes-usage = Write `minutes N`; facilitators also `minutes edit N | SUMMARY`, `minutes publish N`.
minutes-not-published = The minutes of meeting #{ $number } are not published yet.
minutes-already-published = The minutes of meeting #{ $number } are already published and can no longer be changed.
minutes-summary-missing = Write the summary after a bar, for example `minutes edit { $number } | We agreed to…`.
minutes-summary-too-long = That summary has { $length } characters; the limit is { $limit }.
minutes-close-first = Close the meeting first (`meeting close { $number }`), then publish its minutes.
minutes-approved-already = You already approved these minutes; { $needed } facilitators must approve them, so another facilitator’s `minutes publish { $number }` publishes them.
minutes-approval-recorded = Your approval of the minutes of meeting #{ $number } is recorded ({ $have } of { $needed }). Another facilitator’s `minutes publish { $number }` publishes them.
minutes-approvals-usage = Write `minutes approvals 1` or `minutes approvals 2` (how many facilitators must approve minutes).
minutes-approvals-set = From now on { $needed ->
    [one] one facilitator publishes minutes
   *[other] { $needed } facilitators must approve minutes before they are published
}.

## meeting form
meeting-form = Schedule a meeting
meeting-form-title = Title
meeting-form-kind = Kind
meeting-form-day = Day
meeting-form-time = Start time ({ $area })
meeting-form-duration = Length
meeting-form-repeat = Repeats
meeting-form-once = Does not repeat
meeting-form-weekly = Every week
meeting-form-biweekly = Every 2 weeks
meeting-form-monthly = Every month
meeting-form-quarterly = Every quarter
meeting-form-yearly = Every year
meeting-form-link = Online link (optional)
meeting-form-place = Place (optional)
meeting-form-group = Working group (optional)
meeting-form-submit = Schedule
meeting-form-minutes = { $minutes } minutes
minutes-already-published-change = The minutes of that meeting are published; decisions and attendance can no longer be added to it.

## agenda pages: a long agenda is shown in parts, long details cut
agenda-item = Agenda item #{ $number }
agenda-more = Items left: { $count } of { $total }. The button shows the next ones.
agenda-more-button = More items ({ $count } left)
agenda-page-range = Items { $first } to { $last } of { $total }
agenda-item-cut = Shortened: tap the item, or write `agenda item { $number }`, to read it whole.
agenda-item-open = Item #{ $number } in full
agenda-whole-button = The whole agenda
minutes-cut = Long parts are shortened here: write `minutes { $number }` in a chat with Tansiq for the whole minutes once published, with their downloads.
minutes-cut-downloads = Long parts are shortened here: the downloads below have the whole minutes.
