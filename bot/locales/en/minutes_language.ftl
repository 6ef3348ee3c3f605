## minutes summaries, one per language (dialogs/meetings/minutes.py, bot/cards/meetings.py, bot/files/minutes_files.py)
minutes-summary-only-in = { $language ->
    [ar] Summary (in Arabic only)
   *[en] Summary (in English only)
}
minutes-summary-edited = { $language ->
    [ar] The Arabic summary of meeting #{ $number } is saved; the English one is unchanged.
   *[en] The English summary of meeting #{ $number } is saved; the Arabic one is unchanged.
}
minutes-summary-language-unknown = “{ $given }” is not a language of the minutes. Name `ar` or `en` before the bar, for example `minutes edit { $number } en | We agreed…`, or leave it out to use the language the summary is written in.
