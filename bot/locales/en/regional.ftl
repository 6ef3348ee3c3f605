## a regional calendar (issue #17): each member's weekend and working hours, the community's Ramadan hours,
## Hijri dates (Umm al-Qura). $days, $country, $holidays are named in the reader's language.
help-cmd-weekend = **weekend** — your own weekend: no nudges on those days (else your country's, or the community's). Example: `weekend sat sun` · `weekend default`
help-cmd-hours = **working hours** — when nudges may reach you on working days. Example: `working hours 09:00-17:00` · `working hours default`
help-cmd-ramadan = **ramadan** — in Ramadan, keep nudges out of iftar hours (facilitators switch it). Example: `ramadan on` · `ramadan off`
help-cmd-hijri = **hijri** — a day in both the Hijri (Umm al-Qura) and Gregorian calendars; Hijri dates work wherever dates do. Example: `hijri` · `hijri 1 Ramadan` · `action add … | me | first day of Eid`

regional-weekend-name = { $count ->
    [0] none (every day is a working day)
   *[other] { $days }
}
regional-calendar = **Your working calendar**
    Weekend: { regional-weekend-name } ({ $source ->
        [own] your own choice, `weekend default` to undo it
        [country] your country’s
       *[other] the community’s
    }) · Working hours: { $start }–{ $end }{ $hours_own ->
        [true] {" "}(your own)
       *[other] {""}
    } · Country: { $country } (from your time zone, `tz`)
    Public holidays in the next 90 days: { $holiday_count ->
        [0] none
       *[other] { $holidays }
    }
    Ramadan: nudges { $ramadan ->
        [true] wait until after iftar
       *[other] are not moved for iftar
    }. Nudges wait for your working hours, outside your weekend and public holidays. Change it: `weekend sat sun`, `working hours 09:00-17:00`.
regional-weekend-set = Done: your weekend is now { regional-weekend-name }{ $own ->
    [true] {""}
   *[other] {" "}(your country’s or the community’s)
}. Nudges to you move to the next working morning.
regional-weekend-usage = “{ $given }” is not a list of weekdays. Write for example `weekend sat sun`, `weekend fri sat`, `weekend none` or `weekend default` (your country’s).
regional-hours-set = Done: nudges reach you between { $start } and { $end }{ $own ->
    [true] {""}
   *[other] {" "}(the community’s hours)
} on your working days.
regional-hours-usage = “{ $given }” is not a span of hours. Write for example `working hours 09:00-17:00` or `working hours default`.
regional-ramadan = Ramadan hours are { $on ->
    [true] on: during Ramadan ({ $first } – { $last }), nudges due between { $start } and { $end } (iftar) wait until after it.
   *[other] off: nudges are not moved for iftar. Ramadan: { $first } – { $last }. Facilitators: `ramadan on`.
}
regional-ramadan-set = Done. { $on ->
    [true] During Ramadan ({ $first } – { $last }), nudges due between { $start } and { $end } (iftar, local time) wait until after it.
   *[other] Nudges are no longer moved for iftar (Ramadan: { $first } – { $last }; between { $start } and { $end }).
}
regional-ramadan-usage = “{ $given }” is neither on nor off. Write `ramadan on` or `ramadan off`.
hijri-month = { $hmonth ->
    [1] Muharram
    [2] Safar
    [3] Rabi’ al-Awwal
    [4] Rabi’ al-Thani
    [5] Jumada al-Ula
    [6] Jumada al-Akhirah
    [7] Rajab
    [8] Sha’ban
    [9] Ramadan
    [10] Shawwal
    [11] Dhu al-Qa’dah
   *[12] Dhu al-Hijjah
}
hijri-date = { $hday } { hijri-month } { $hyear } AH
regional-hijri = { $gday } is **{ hijri-date }** (Umm al-Qura). Hijri dates work in every command that takes a date: `action add … | me | 1 Ramadan`.
hijri-out-of-range = “{ $given }” is outside the Hijri calendar Tansiq knows (1343–1500 AH, 1924–2077). Give a nearer date.
regional-meeting-days-off = Note: that day is a day off for { $count ->
    [one] one member
   *[other] { $count } members
}.{ $weekend_count ->
    [0] {""}
   *[other] {" "}On their weekend ({ $weekend_count }): { $weekend }.
}{ $holiday_count ->
    [0] {""}
   *[other] {" "}On a public holiday, { $holidays } ({ $holiday_count }): { $holiday }.
}
