## minutes summaries, one per language (dialogs/meetings/minutes.py, bot/cards/meetings.py, bot/files/minutes_files.py)
minutes-summary-only-in = { $language ->
    [ar] الملخص (بالعربية فقط)
   *[en] الملخص (بالإنجليزية فقط)
}
minutes-summary-edited = { $language ->
    [ar] حُفظ الملخص العربي للاجتماع رقم { $number }، ولم يتغير الملخص الإنجليزي.
   *[en] حُفظ الملخص الإنجليزي للاجتماع رقم { $number }، ولم يتغير الملخص العربي.
}
minutes-summary-language-unknown = «{ $given }» ليست لغة للمحضر. اكتب `عربي` أو `انجليزي` قبل الشرطة العمودية، مثلًا `محضر تعديل { $number } عربي | اتفقنا على…`، أو اتركها ليُحفظ الملخص باللغة التي كُتب بها.
