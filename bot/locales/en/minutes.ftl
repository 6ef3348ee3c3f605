## published meeting minutes as a Markdown or Word file (bot/files/minutes_files.py)
minutes-doc-title = Minutes: { $title }
minutes-doc-meeting = { $kind ->
    [plenary] Plenary meeting
    [follow-up] Follow-up meeting
    [face-to-face] Face-to-face meeting
    [working-group] Working group meeting
   *[other] Meeting
} #{ $number } · { $community }
minutes-doc-when = { $when } ({ $zone })
minutes-doc-place = Place: { $place }
minutes-doc-link = Join online: { $link }
minutes-doc-none = None.

## sections
minutes-doc-attendees = Attendees ({ $count })
minutes-doc-names = { $names }
minutes-doc-summary = Summary
minutes-doc-agenda = Agenda
minutes-doc-decisions = Decisions
minutes-doc-actions = Action points

## agenda items, decisions and action points
minutes-doc-item = #{ $number } { $title }
minutes-doc-submitter = Proposed by { $submitter }
minutes-doc-presenter = Presented by { $presenter }
minutes-doc-outcome = { $outcome ->
    [discussed] Discussed
   *[carried] Not discussed: carried forward to the next meeting
}
minutes-doc-decision = Decision { $number }:
minutes-doc-decision-item = On agenda item #{ $number }
minutes-doc-action = Action { $number }:
minutes-doc-owners = Owners: { $owners }
minutes-doc-due = Due { $day }
minutes-doc-no-due = No due date

## footer
minutes-doc-published = Published { $day }
minutes-doc-approved = approved by { $names }
