## help
help-cmd-groups = **groups** — the working groups, with scope, lead, members and end date; also `groups all`, `groups area Aleppo`, `groups sector WASH`. Example: `groups`
help-cmd-group = **group** — one working group, or join and leave it; facilitators create, edit, lead and close them. Example: `group WASH Aleppo` · `group join WASH Aleppo` · `group add WASH Aleppo | Water trucking and repairs | until 30 June | area Aleppo | sector WASH` · `group lead WASH Aleppo @Omar` · `group extend WASH Aleppo | 31 December` · `group close WASH Aleppo`
help-cmd-plan = **plan** — the annual plan: each objective with its actions’ progress; facilitators add objectives and link actions. Example: `plan` · `plan add Pre-arranged financing in three countries | 2027` · `action plan 4 2`
help-cmd-endorse = **endorse** — ask the members to endorse a text (facilitators). Example: `endorse The revised terms of reference | until 15 December 17:00` · `endorse close 3`
help-cmd-poll = **poll** — ask the members to choose one option (facilitators; add `| anonymous` to hide who chose what). Example: `poll Where should the face-to-face meeting be? | Amman | Beirut | Cairo | until next Friday`
help-cmd-votes = **votes** — the open endorsements and polls, with the counts and your answer; `votes all` shows closed ones too. Example: `votes`
help-cmd-vote = **vote** — answer an endorsement or a poll (the card’s buttons do the same), or see its card. Example: `vote 3 endorse | fine with the new wording` · `vote 4 2` · `vote 4`

## working groups
group-usage = Name the group, for example `group WASH Aleppo`, or write `group join NAME`, `group leave NAME`; `groups` lists them.
groups-filter-unknown = “{ $given }” is not a list Tansiq knows. Try `groups`, `groups all`, `groups area AREA` or `groups sector SECTOR`.
group-name-missing = Which working group? Give its name, for example `group join WASH Aleppo`; `groups` lists them.
group-ambiguous = Several working groups match “{ $name }”: { $names }. Write more of the name.
group-add-usage = Write `group add NAME | SCOPE`, then if you like `| until DATE`, `| area AREA`, `| sector SECTOR`.
group-edit-usage = Say what changes, for example `group edit WASH Aleppo | scope Water trucking and network repairs`, `… | until 31 December`, `… | area Idlib`, `… | sector WASH` or `… | name WASH Idlib` (`-` clears an area, a sector or an end date).
group-extend-usage = Give the new end date, for example `group extend { $name } | 31 December`.
group-scope-missing = What will “{ $name }” work on? Put its scope after a “|”, for example `group add { $name } | Water trucking and repairs`.
group-scope-too-long = That scope has { $length } characters; the limit is { $limit }.
group-name-too-long = That name has { $length } characters; the limit is { $limit }.
group-field-empty = Write the { group-field-name } after its word, for example `area Aleppo` or `sector WASH`.
group-field-too-long = The { group-field-name } can have at most { $limit } characters.
group-field-name = { $field ->
    [area] area
   *[sector] sector
}
group-exists = There is already a working group called “{ $name }” (closed groups keep their names). Choose another name.
group-lead-or-facilitator = Only the facilitators and the lead of “{ $name }” can change or close it.
group-lead-missing = Who will lead it? @mention them, for example `group lead { $name } @Omar`.
group-already-closed = “{ $name }” was already closed on { $day }.
group-already-member = You are already a member of “{ $name }”.
group-already-members = Everyone you named is already a member of “{ $name }”.
group-not-member = You are not a member of “{ $name }”.
group-join-guest = Guests are added to working groups by a facilitator: ask one to write `group join { $name } @you`.
group-added = Working group “{ $name }” is created. Members join it with `group join { $name }`.
group-edited = Working group “{ $name }” is updated.
group-extended = Working group “{ $name }” is extended.
group-joined = Welcome to “{ $name }”: you will get its meeting reminders.
group-lead-set = { $lead } now leads “{ $name }”.
group-closed = Working group “{ $name }” is closed; its meetings, actions and agenda items stay in the records. { $actions ->
    [0] It has no open actions.
    [one] Its one open action stays open: see `actions group { $name }`.
   *[other] Its { $actions } open actions stay open: see `actions group { $name }`.
}
group-members-added = { $count ->
    [one] { $names } is now a member of “{ $name }”.
   *[other] { $names } are now members of “{ $name }”.
}
group-left = You have left “{ $name }”.
group-left-lead = You have left “{ $name }”, which now has no lead; a facilitator can name one with `group lead`.
group-ending = Working group “{ $name }” ends on { $day } ({ $days ->
    [0] today
    [one] in { $days } day
   *[other] in { $days } days
}). Close it with `group close { $name }`, or extend it with `group extend { $name } | NEW END DATE`.

## the group card and list
groups-list = { $title ->
    [all] All working groups
    [area] Working groups in { $subject }
    [sector] Working groups of the { $subject } sector
   *[open] Working groups
} ({ $count })
groups-empty = No working group here yet. Facilitators create one with `group add NAME | SCOPE`.
groups-hint = `group NAME` shows a group’s members, next meeting and open actions; `group join NAME` makes you a member.
group-lead-label = Lead
group-no-lead = no lead yet
group-lead-line = led by { $name }
group-area-label = Area
group-sector-label = Sector
group-until-label = Ends
group-no-end = no end date
group-until-line = until { $day }
group-closed-label = Closed
group-closed-line = closed on { $day }
group-members-count = { $count ->
    [0] no members yet
    [one] { $count } member
   *[other] { $count } members
}
group-you-member = you are a member
group-members-title = { $count ->
    [0] Members
    [one] Member (1)
   *[other] Members ({ $count })
}
group-no-members = Nobody has joined yet.
group-meeting-title = Next meeting
group-no-meeting = None scheduled.
group-actions-title = { $count ->
    [0] Open actions
   *[other] Open actions ({ $count })
}
group-action-line = #{ $number } · { $text } — { action-status }
group-actions-more = The full list: `actions group { $name }`.
group-questions = { $count ->
    [0] No open questions for the group.
    [one] One question for the group is waiting for an answer.
   *[other] { $count } questions for the group are waiting for an answer.
}
group-join-button = Join the group
group-leave-button = Leave the group

## the annual plan
plan-usage = Write `plan` for this year’s plan or `plan 2027` for another year; facilitators `plan add OBJECTIVE [| YEAR]`, `plan edit N | OBJECTIVE`, `plan remove N`.
plan-add-usage = Write `plan add OBJECTIVE`, optionally followed by `| YEAR`, for example `plan add Pre-arranged financing in three countries | 2027`.
plan-text-missing = Write the objective, for example `plan add Early action protocols for drought in two countries`.
plan-text-too-long = That objective has { $length } characters; the limit is { $limit }.
plan-year-invalid = “{ $given }” is not a year of the plan: give this year, last year or one of the next five years, for example `plan add … | 2027`.
plan-number-missing = Which objective? Give its number, for example `plan remove 2`; `plan` shows the numbers.
plan-objective-unknown = There is no objective #{ $number } in the plan. `plan` shows the numbers.
plan-objective-added = Objective #{ $number } is in the { $year } plan: { $text }. Link actions to it with `action plan N { $number }`.
plan-objective-edited = Objective #{ $number } ({ $year }) now reads: { $text }
plan-objective-removed = Objective #{ $number } “{ $text }” is removed from the plan; its actions stay.
plan-link-facilitators = Only facilitators link actions to the plan. Leave out “| plan { $number }” to record the action; a facilitator can link it later with `action plan`.
plan-link-usage = Write `action plan ACTION OBJECTIVE` (their numbers), for example `action plan 4 2` (or `action plan 4 none` to unlink it).
plan-action-linked = Action #{ $action } now serves objective #{ $number }: { $text }
plan-action-unlinked = Action #{ $action } no longer serves an objective of the plan.
plan-title = { $quarter ->
    [0] Annual plan { $year }
   *[other] Progress of the { $year } plan at the end of Q{ $quarter }
}
plan-empty = The { $year } plan has no objectives yet. Facilitators add them with `plan add OBJECTIVE`.
plan-objective-line = Objective { $number } · { $text }
plan-no-actions = No actions linked yet.
plan-progress-line = { $done } of { $total } done ({ $percent }){ $overdue ->
    [0] {""}
   *[other] {" "}· { $overdue } overdue
}
plan-action-line = #{ $number } · { $text } — { $status ->
    [done] Done
    [overdue] Overdue
    [in_progress] In progress
    [blocked] Blocked
   *[open] Open
}
plan-other-years = Other years: { $years } (write `plan YEAR`).
plan-manage-hint = Facilitators: `plan add OBJECTIVE [| YEAR]`, `action plan ACTION OBJECTIVE`, `plan edit N | OBJECTIVE`, `plan remove N`.

## endorsements and polls
endorsement-usage = Write `endorse TEXT`, then if you like `| until WHEN` or `| anonymous`, for example `endorse The revised terms of reference | until 15 December 17:00`.
endorsement-text-missing = What should the members endorse? Write for example `endorse The revised terms of reference`.
poll-text-missing = Write the question and at least two options, for example `poll Where should we meet? | Amman | Beirut`.
proposal-text-too-long = That text has { $length } characters; the limit is { $limit }.
poll-options-too-few = A poll needs at least two options after its question, each after a “|” (it has { $count }). Example: `poll Where should we meet? | Amman | Beirut`.
poll-options-too-many = A poll can have at most { $limit } options (it has { $count }).
poll-option-too-long = An option can have at most { $limit } characters.
poll-option-repeated = The option “{ $option }” is there twice.
endorsement-opened = Endorsement #{ $number } is open and posted to the channel. Members answer on its card.
poll-opened = Poll #{ $number } is open and posted to the channel. Members answer on its card.
vote-opened = { $kind ->
    [endorsement] The facilitators ask you to endorse this. Answer below; you can change your answer until it closes.
   *[poll] The facilitators ask for your choice. Answer below; you can change your answer until it closes.
}
vote-recorded = Your answer is recorded. You can change it until the { proposal-kind } closes.
vote-changed = Your answer is changed.
vote-unchanged = That was already your answer; nothing changed.
vote-too-late = { proposal-kind-title } #{ $number } has closed; your answer was not recorded.
vote-result = { proposal-kind-title } #{ $number } is closed. The result:
mentions-unanswered = { $named ->
    [true] Not answered yet:
   *[other] { $count } members have not answered yet.
}
mentions-asked = { $named ->
    [true] Asked to answer:
   *[other] { $count } members are asked to answer.
}
vote-usage = Write `votes` to see what is open, `vote N` to see one, or `vote N ANSWER` to answer.
votes-filter-unknown = “{ $given }” is not a list Tansiq knows. Try `votes` or `votes all`.
vote-number-missing = Which one? Give its number, for example `vote 3`; `votes` shows the numbers.
vote-unknown = There is no endorsement or poll #{ $number }. `votes all` shows them.
vote-closed = { proposal-kind-title } #{ $number } closed on { $at }; it takes no more answers.
vote-already-closed = #{ $number } was already closed on { $at }.
vote-comment-too-long = That comment has { $length } characters; the limit is { $limit }.
vote-choice-missing = Choose an option first.
vote-choice-unknown = { $kind ->
    [endorsement] Answer #{ $number } with `endorse`, `object` or `abstain`, for example `vote { $number } endorse | my comment`.
   *[poll] Answer #{ $number } with an option’s number from 1 to { $count }, for example `vote { $number } 2`.
}
proposal-kind = { $kind ->
    [endorsement] endorsement
   *[poll] poll
}
proposal-kind-title = { $kind ->
    [endorsement] Endorsement
   *[poll] Poll
}

## the proposal card and list
proposal-title = { proposal-kind-title } #{ $number }
proposal-anonymous = anonymous
proposal-open = { $count ->
    [0] Open, no deadline · no answers yet
    [one] Open, no deadline · { $count } answer
   *[other] Open, no deadline · { $count } answers
}
proposal-open-until = { $count ->
    [0] Open until { $at } · no answers yet
    [one] Open until { $at } · { $count } answer
   *[other] Open until { $at } · { $count } answers
}
proposal-closed-on = Closed on { $at }
vote-choice = { $choice ->
    [endorse] Endorse
    [object] Object
   *[abstain] Abstain
}
vote-outcome = { $outcome ->
    [endorsed] Endorsed.
    [not-endorsed] Not endorsed.
    [chosen] Chosen: { $winners }.
    [tie] A tie between { $winners }.
   *[no-answers] Nobody answered.
}
vote-outcome-decision = Endorsed: recorded as decision #{ $number }.
vote-mine = Your answer: { $answer }
vote-mine-none = You have not answered yet.
vote-more-names = (and { $count } more)
vote-comments-title = Comments
vote-comment-label = Comment (optional)
vote-comment-placeholder = A word on your answer, if you like
vote-options-label = Your choice
vote-button = Vote
vote-close-button = Close now
votes-list = { $title ->
    [all] Endorsements and polls
   *[open] Open endorsements and polls
} ({ $count })
votes-empty = Nothing is waiting for your answer.
votes-hint = `vote N` shows one with its buttons; `vote N ANSWER` answers it.
