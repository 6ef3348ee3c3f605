## calendar invitations by e-mail (iTIP .ics): the mail's words; its first line is the subject

invitation-request = Invitation: meeting #{ $number } “{ $title }”, { $when }
    { $series ->
        [true] A repeating meeting; { $when } is the next one.
       *[other] When: { $when }
    }
    Where: { $where }
    The calendar invitation is attached: open it to add the meeting to your calendar (Outlook adds it on its own).
invitation-update = Changed: meeting #{ $number } “{ $title }”, now { $when }
    { $series ->
        [true] A repeating meeting; { $when } is the next one.
       *[other] When: { $when }
    }
    Where: { $where }
    The attached invitation updates the meeting in your calendar.
invitation-cancel = Cancelled: meeting #{ $number } “{ $title }”, { $when }
    { $series ->
        [true] The whole series is cancelled.
       *[other] This meeting is cancelled.
    }
    Where it was: { $where }
    The attached cancellation removes it from your calendar.
