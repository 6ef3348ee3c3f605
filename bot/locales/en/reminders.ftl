## help
help-cmd-reminders = **reminders** — what Tansiq reminds the community of, and when; facilitators change it and see messages that could not be delivered. Example: `reminders` · `reminders quiet 20:00-08:00` · `reminders weekend fri sat` · `reminders digest monday 09:00` · `reminders meeting 7d 1d 1h` · `reminders actions 2 1 weekly` · `reminders languages both` · `reminders failed` · `reminders retry all`

## meeting reminders (posted in the channel; working groups' also to their members)
meeting-reminder-week = Meeting #{ $number } is in { $lead }. Propose agenda items until { $deadline }.
meeting-reminder-day = Meeting #{ $number } is in { $lead }. Here is its agenda.
meeting-reminder-hour = Meeting #{ $number } starts in { $lead }.
agenda-published = The agenda of meeting #{ $number } is ready.
meeting-follow-up = Meeting #{ $number } is closed: what it decided and the action points it recorded.
minutes-nudge = The minutes of meeting #{ $number } “{ $title }” ({ $when }) are not published yet. Write `minutes { $number }` to review them, then `minutes publish { $number }`.
follow-up-none = Nothing recorded.

## the people a channel post concerns, @mentioned (named: one by one; else too many, only counted)
mentions-call-for-items = { $named ->
    [true] Not yet proposed an item:
   *[other] { $count } members have not proposed an item yet.
}
mentions-presenting = { $named ->
    [true] Presenting items:
   *[other] { $count } members are presenting items.
}
mentions-overdue = { $named ->
    [true] With overdue action points:
   *[other] { $count } members have overdue action points.
}

## action nudges (1:1)
action-nudge-due-soon = Action #{ $number } is due on { $day }.
action-nudge-overdue = Action #{ $number } was due on { $day }. Is it done? Mark it, add progress, or give it a week more.
action-nudge-overdue-weekly = A weekly reminder: action #{ $number } has been overdue since { $day }.

## the weekly digest (channel)
digest-title = This week in the community
digest-meetings = Meetings
digest-deadline = agenda items until { $deadline }
digest-actions = Action points due this week or overdue
digest-overdue = overdue
digest-line = #{ $number } { $text } — { $day }
digest-none = None this week.

## the `reminders` command
reminders-settings = { $changed ->
    [true] Reminder settings saved.
   *[other] Reminder settings
}
reminders-meeting-label = Meetings
reminders-meeting-value = { $offsets } before, in the channel
reminders-meeting-off = no reminders
reminders-agenda-label = Agenda
reminders-agenda-value = { $on ->
    [true] published at the deadline
   *[other] not published automatically
}
reminders-follow-up-label = After a meeting
reminders-follow-up-value = { $on ->
    [true] decisions and action points posted; facilitators nudged { $days } days later if the minutes are unpublished
   *[other] nothing posted
}
reminders-actions-label = Action owners
reminders-actions-value = { $before } days before the due day, { $after } day after it{ $weekly ->
    [true] , then weekly while overdue
   *[other] {""}
}
reminders-actions-off = no nudges
reminders-digest-label = Weekly digest
reminders-digest-value = { $day } at { $time } ({ $area })
reminders-digest-off = off
reminders-quiet-label = Quiet hours and weekend
reminders-quiet-value = quiet { $from }–{ $until }; days off: { $days }. Nudges to people then wait for the next working morning in their own time zone (meeting reminders are never moved).
reminders-offset = { $unit ->
    [d] { $count } { $count ->
        [one] day
       *[other] days
    }
    [h] { $count } { $count ->
        [one] hour
       *[other] hours
    }
   *[m] { $count } minutes
}
reminders-weekday = { $day ->
    [MO] Monday
    [TU] Tuesday
    [WE] Wednesday
    [TH] Thursday
    [FR] Friday
    [SA] Saturday
   *[SU] Sunday
}
reminders-no-weekend = no weekend
reminders-languages-label = Channel posts
reminders-languages-value = { $choice ->
    [ar] in Arabic
    [en] in English
    [both] in Arabic and English
   *[auto] in the languages members read (both when some read Arabic and some English)
}
reminders-change-hint = Facilitators: `reminders quiet 20:00-08:00`, `reminders weekend fri sat`, `reminders digest monday 09:00` (or `off`), `reminders meeting 7d 1d 1h`, `reminders actions 2 1 weekly`, `reminders languages auto` (or `ar`, `en`, `both`), `reminders failed`.
reminders-failed = { $count ->
    [0] Every message was delivered.
    [one] One message could not be delivered
   *[other] { $count } messages could not be delivered
}
reminders-failed-line = #{ $id } · { $kind } · { $to } · { $due } — { $error }
reminders-failed-hint = `reminders retry N` or `reminders retry all` sends them again.
reminders-retry-button = Send #{ $id } again
reminders-retry-all-button = Send them all again
reminders-retried = { $count ->
    [0] There was nothing to send again.
    [one] One message will be sent again in a moment.
   *[other] { $count } messages will be sent again in a moment.
}
reminders-usage = Write `reminders` to see the settings. Facilitators: `reminders quiet`, `weekend`, `digest`, `meeting`, `actions`, `languages`, `failed`, `retry`.
reminders-quiet-usage = Write the quiet hours as from–until, for example `reminders quiet 20:00-08:00`.
reminders-weekend-usage = Name the days off, for example `reminders weekend fri sat` (or `reminders weekend off`).
reminders-digest-usage = Give a day and a time, for example `reminders digest monday 09:00` (or `reminders digest off`).
reminders-meeting-usage = Give how long before each meeting, for example `reminders meeting 7d 1d 1h` (up to 60 days; or `off`).
reminders-actions-usage = Give days before and after the due day, for example `reminders actions 2 1 weekly` (or `off`).
reminders-languages-usage = Choose the language of channel posts: `reminders languages auto` (the languages members read), `ar`, `en` or `both`.
reminders-retry-usage = Write `reminders retry N` (see `reminders failed`) or `reminders retry all`.
reminders-retry-unknown = No undelivered message #{ $number }; see `reminders failed`.
reminders-kind = { $kind ->
    [meeting-reminder] Meeting reminder
    [agenda-published] Agenda
    [meeting-follow-up] Meeting follow-up
    [minutes-nudge] Minutes reminder
    [minutes-published] Published minutes
    [action-due-soon] Action due soon
    [action-overdue] Overdue action
    [action-overdue-weekly] Weekly overdue reminder
    [action-assigned] New action
    [weekly-digest] Weekly digest
   *[other] Message
}
reminders-reason = { $reason ->
    [bot-removed] the bot was removed from that chat
    [conversation-gone] that chat no longer exists
    [member-left] they left the community
    [no-conversation] Tansiq has no way to reach them yet
    [no-channel] Tansiq is not in a channel of the team
    [throttled] Teams kept asking to wait
    [unreachable] Teams could not be reached
    [server-error] Teams had an error
    [bot-error] Tansiq could not prepare it (our error; the log has the details)
    [no-token] Tansiq could not sign in to Teams (check its credentials)
    [unauthorized] Teams did not accept Tansiq's credentials
    [bad-reference] Tansiq's record of that chat is damaged
    [unknown-outcome] Teams did not answer twice; it may have arrived (check before sending it again)
    [mail-refused] the mail server refused the e-mail
    [mail-deferred] the mail server kept asking to wait
    [mail-unreachable] the mail server could not be reached
    [mail-login] the mail server did not accept Tansiq's login (check SMTP_USERNAME and SMTP_PASSWORD)
    [mail-setup] the mail server does not offer the TLS Tansiq asked for (check SMTP_TLS)
    [mail-no-answer] the mail server did not answer twice; it may have arrived
   *[other] it could not be delivered
}
