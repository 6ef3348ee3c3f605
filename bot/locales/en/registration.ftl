## help
help-cmd-register = **register** — tell the facilitators you are coming to a meeting that asks members to register, with the interpretation you need (Arabic or English) and any accessibility need. Example: `register 3` · `register 3 | interpretation en` · `register 3 | note: wheelchair access`
help-cmd-unregister = **unregister** — you are no longer coming (its reminders stop). Example: `unregister 3`
help-cmd-registrations = **registrations** — who is coming to a meeting, the interpretation they need and their notes (facilitators, in the 1:1 chat). Example: `registrations 3` · open or close registration with `meeting registration 3 on` or `off`

## cards
registration-button = Register
registration-form-toggle = Members register to attend (Arabic–English interpretation on request)
registration-label = Registration
registration-open = Open: `register { $number }`
registration-needs-interpretation = { $language ->
    [ar] interpretation into Arabic
   *[en] interpretation into English
}
registration-note-line = note: { $note }
registration-minutes-counts = { $recorded ->
    [true] Registered: { $registered } · of them attended: { $came }
   *[false] Registered: { $registered }
}

## registering
registration-added = You are registered for meeting #{ $number } “{ $title }” on { $when }. { $interpretation ->
    [ar] Interpretation into Arabic is noted.
    [en] Interpretation into English is noted.
   *[none] Need interpretation? `register { $number } | interpretation en` (or `ar`).
} { $noted ->
    [no] An accessibility need? Write `register { $number } | note: …` in our 1:1 chat (only the facilitators read it).
    [kept] Your note is kept for the facilitators only.
   *[yes] Your note is passed to the facilitators only: { $note }
} `unregister { $number }` cancels.
registration-updated = Your registration for meeting #{ $number } “{ $title }” on { $when } is updated. { $interpretation ->
    [ar] Interpretation: into Arabic.
    [en] Interpretation: into English.
   *[none] No interpretation.
} { $noted ->
    [no] No note.
    [kept] Your note is kept for the facilitators only.
   *[yes] Note (facilitators only): { $note }
}
registration-already = You are already registered for meeting #{ $number } “{ $title }” on { $when }. { $interpretation ->
    [ar] Interpretation: into Arabic.
    [en] Interpretation: into English.
   *[none] No interpretation.
} { $noted ->
    [no] No note.
    [kept] Your note is kept for the facilitators only.
   *[yes] Note (facilitators only): { $note }
} To change it: `register { $number } | interpretation en`; to cancel: `unregister { $number }`.
registration-removed = Your registration for meeting #{ $number } “{ $title }” on { $when } is cancelled; its reminders stop. `register { $number }` registers you again.
registration-not-registered = You are not registered for meeting #{ $number }. `register { $number }` registers you.
registration-off = Meeting #{ $number } “{ $title }” does not ask members to register: just come. (Facilitators can open registration with `meeting registration { $number } on`.)
registration-moved = That meeting #{ $number } has moved or is over. Write `register { $number }` to register for its next meeting.
registration-usage = Which meeting? Write for example `register 3`, `register 3 | interpretation en` or `register 3 | note: wheelchair access`; `meetings` shows the numbers.
unregistration-usage = Which meeting? Write for example `unregister 3`; `meetings` shows the numbers.
registration-field-unknown = I did not understand “{ $given }”. After the meeting’s number write `| interpretation ar` or `| interpretation en`, or `| note: …`, for example `register 3 | interpretation en | note: wheelchair access`.
registration-interpretation-unknown = Interpretation is offered into Arabic or English, not “{ $given }”. Write `| interpretation ar` or `| interpretation en` (`| interpretation none` for none).
registration-note-too-long = A note can have at most { $limit } characters.

## facilitators
registration-switched-on = Meeting #{ $number } “{ $title }” now asks members to register (`register { $number }`, or the Register button); its reminders go to those registered only.
registration-switched-off = Meeting #{ $number } “{ $title }” no longer asks members to register; its reminders go to everyone it is for again.
registration-switch-usage = Write `meeting registration 3 on` or `meeting registration 3 off`.
registrations-usage = Which meeting? Write for example `registrations 3`; `meetings` shows the numbers.
registrations-list = Registered for meeting #{ $number }: { $count }
registrations-interpretation-counts = Interpretation into Arabic: { $arabic } · into English: { $english }
registrations-empty = Nobody has registered yet. Members register with `register { $number }` or the card’s Register button.
registrations-notes-private = Notes are for the facilitators only: please do not share them.
