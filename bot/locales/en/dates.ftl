## dates, durations and repeats typed by members (dialogs/common/dates.py, dialogs/meetings/recurrence.py)
date-unreadable = Tansiq could not read “{ $given }” as a date and time. Write for example `tomorrow 15:00` or `15 December 14:00`.
date-in-past = “{ $given }” is { $when }, which has already passed. Write a time still to come, for example `tomorrow 15:00` or `15 December 14:00`.
date-too-far = “{ $given }” is more than { $years } years away; give a nearer date.
day-in-past = “{ $given }” is a day that has already passed. Write today or a later day, for example `next Friday` or `31 March`.
day-in-future = “{ $given }” has not come yet. Write a day that has passed, for example `1 November 2026` or `last Monday`.
duration-unreadable = Tansiq could not read “{ $given }” as a length of time. Write for example `90 minutes` or `1h30`.
recurrence-unreadable = Tansiq could not read “{ $given }” as a repeat. Write for example `every 2 weeks` or `monthly on the second Tuesday`.

## how a meeting series repeats
recurrence-weekday = { $day ->
    [MO] Monday
    [TU] Tuesday
    [WE] Wednesday
    [TH] Thursday
    [FR] Friday
    [SA] Saturday
   *[SU] Sunday
}
recurrence-nth-weekday = { $position ->
    [1] first
    [2] second
    [3] third
    [4] fourth
   *[-1] last
} { $day ->
    [MO] Monday
    [TU] Tuesday
    [WE] Wednesday
    [TH] Thursday
    [FR] Friday
    [SA] Saturday
   *[SU] Sunday
}
recurrence-daily = { $interval ->
    [one] every day
   *[other] every { $interval } days
}
recurrence-weekly = { $interval ->
    [one] every week
   *[other] every { $interval } weeks
}
recurrence-weekly-on = { $interval ->
    [one] every { recurrence-weekday }
   *[other] every { $interval } weeks on { recurrence-weekday }
}
recurrence-monthly = { $interval ->
    [3] every quarter
    [one] every month
   *[other] every { $interval } months
}
recurrence-monthly-on = { $interval ->
    [one] the { recurrence-nth-weekday } of every month
   *[other] the { recurrence-nth-weekday } of every { $interval } months
}
recurrence-quarterly-on = the { recurrence-nth-weekday } of every quarter
recurrence-yearly = { $interval ->
    [one] every year
   *[other] every { $interval } years
}

## a time in a channel post, with its zone named (bot/i18n.py zones_named)
time-zone-named = ({ $city } time)
