## المساعدة
help-cmd-faq = **الأسئلة الشائعة** — أسئلة المجتمع المتكررة: `الأسئلة الشائعة` تعرض قائمتها، و`الأسئلة الشائعة ٣` تعرض سؤالًا واحدًا؛ وللميسّرين `الأسئلة الشائعة إضافة` و`الأسئلة الشائعة تعديل ٣` و`الأسئلة الشائعة حذف ٣`، أو أرسل ملف ‎.csv أو ‎.jsonl لاستيرادها. مثال: `الأسئلة الشائعة إضافة كيف أنضم إلى مجموعة عمل؟ | اطلب ذلك من قائد المجموعة أو من أحد الميسّرين. | وسوم المجموعات`
help-cmd-ask = **اسأل** — أرسل سؤالًا إلى الميسّرين مباشرة. مثال: `اسأل هل يمكن لشركاء من خارج المنطقة حضور الاجتماع العام؟`
help-cmd-tickets = **التذاكر** — أسئلة الأعضاء التي تنتظر جوابًا؛ وأيضًا `التذاكر لي` و`التذاكر الكل`. مثال: `التذاكر`
help-cmd-ticket = **تذكرة** — سؤال واحد: `تذكرة ٤` و`تذكرة استلام ٤` و`تذكرة إغلاق ٤` و`تذكرة حفظ ٤` (لتحويل جوابه إلى سؤال شائع). مثال: `تذكرة استلام ٤`
help-cmd-answer = **أجب** — أجب عن سؤال أحد الأعضاء؛ يصله الجواب في محادثته. مثال: `أجب ٤ نعم، المراقبون مرحَّب بهم.`

## المجاملات
question-greeting = أهلًا بك! اسألني أي شيء عن المجتمع — مثل «متى الاجتماع القادم؟» — أو اكتب `مساعدة` لترى الأوامر.
question-thanks = العفو!
question-loading = بدأتُ العمل للتوّ وما زلت أقرأ أسئلة المجتمع وسجلاته. أعد طرح سؤالك بعد لحظات.

## الأجوبة
answer-other-language = { $language ->
    [ar] هذا الجواب مكتوب بالعربية فقط حتى الآن:
   *[en] هذا الجواب مكتوب بالإنجليزية فقط حتى الآن:
}
answer-source-faq = السؤال الشائع رقم { $number }
answer-source-link = المصدر
answer-source-decision = القرار رقم { $number } — { $meeting }، { $day }
answer-source-minutes = محضر { $meeting }، { $day } — اكتب `محضر { $meeting_number }` لقراءته كاملًا
answer-helped-button = أفادني هذا الجواب
answer-escalate-button = اسأل أحد الميسّرين
answer-thanks = يسعدني أنه أفادك، وشكرًا لإخبارنا!
answer-gone = هذا الجواب لم يعد متاحًا. اطرح سؤالك من جديد، أو اكتب `الأسئلة الشائعة` لترى القائمة.
question-unsure = { $count ->
    [one] لست متأكدًا من أن لدي الجواب. هذا السؤال قريب مما تسأل عنه:
    [two] لست متأكدًا من أن لدي الجواب. هذان السؤالان قريبان مما تسأل عنه:
   *[other] لست متأكدًا من أن لدي الجواب. هذه الأسئلة قريبة مما تسأل عنه:
}
question-no-answer = ليس لدي جواب عن هذا بعد. يستطيع أحد الميسّرين مساعدتك: اضغط «اسأل أحد الميسّرين».
question-sent = لم يُجب أحد عن هذا من قبل، فأرسلته إلى { $to ->
    [group] قائد { $group }
    [you] نفسك (فأنت الميسّر الوحيد)
   *[facilitators] الميسّرين
} بوصفه السؤال رقم { $number }. سيصلك الجواب هنا.
ticket-opened = أُرسل سؤالك إلى { $to ->
    [group] قائد { $group }
    [you] نفسك (فأنت الميسّر الوحيد)
   *[facilitators] الميسّرين
} بوصفه السؤال رقم { $number }. سيصلك الجواب هنا.
ticket-receipt-hint = سأخبرك هنا حين يتولاه أحد، وحين يُجاب عنه، وحين يُغلق.
ask-usage = اكتب سؤالك بعد `اسأل`، مثل `اسأل من يمكنه حضور الاجتماع العام؟`

## الحقائق الحية
fact-next-meeting = الاجتماع القادم
fact-no-meeting = لا يوجد اجتماع مجدول بعد. يجدول الميسّرون الاجتماعات بالأمر `اجتماع إضافة`.
fact-facilitators = { $count ->
    [one] ميسّر المجتمع: { $names }.
    [two] ميسّرا المجتمع: { $names }.
   *[other] ميسّرو المجتمع: { $names }.
} يمكنك مراسلتهم في Teams، أو الضغط على «اسأل أحد الميسّرين» أسفل أي جواب.
fact-no-facilitators = ليس للمجتمع ميسّر بعد. يستطيع المشرف تعيين ميسّر بالأمر `دور @الاسم ميسر`.
fact-agenda-how = اكتب `جدول إضافة <العنوان> | <التفاصيل>`، أو `جدول إضافة` وحدها لتفتح نموذجًا. تُقبل البنود لاجتماع «{ $meeting }» حتى { $deadline }، ثم يعتمدها أحد الميسّرين.
fact-agenda-how-late = اكتب `جدول إضافة <العنوان> | <التفاصيل>`، أو `جدول إضافة` وحدها لتفتح نموذجًا. انتهت مهلة البنود لاجتماع «{ $meeting }» في { $deadline }، لذا يذهب البند الجديد إلى الاجتماع الذي يليه.
fact-agenda-how-no-meeting = اكتب `جدول إضافة <العنوان> | <التفاصيل>` بعد أن يُجدول اجتماع؛ لا يوجد اجتماع قادم بعد.

## الأسئلة الشائعة
faq-version = { $language ->
    [ar] العربية
   *[en] الإنجليزية
}
faq-added = أُضيف السؤال الشائع رقم { $number }. من يسأل سؤالًا مشابهًا يتلقى هذا الجواب من الآن.
faq-edited = حُدّث السؤال الشائع رقم { $number }.
faq-removed = حُذف السؤال الشائع رقم { $number }؛ لن يُقدَّم جوابًا بعد الآن.
faq-entry = السؤال الشائع رقم { $number }
faq-list = الأسئلة الشائعة ({ $count })
faq-list-tagged = الأسئلة الشائعة الموسومة بـ«{ $tag }» ({ $count })
faq-list-empty = لا توجد أسئلة بعد.
faq-helpful = { $count ->
    [one] أفاد شخصًا واحدًا
    [two] أفاد شخصين
    [few] أفاد { $count } أشخاص
    [many] أفاد { $count } شخصًا
   *[other] أفاد { $count } شخص
}
faq-page = الصفحة { $page } من { $pages } — اكتب `الأسئلة الشائعة القائمة { $next }` للمزيد.
faq-page-unknown = لا توجد صفحة { $page }: { $pages ->
    [one] في القائمة صفحة واحدة
    [two] في القائمة صفحتان
    [few] في القائمة { $pages } صفحات
    [many] في القائمة { $pages } صفحة
   *[other] في القائمة { $pages } صفحة
}.
faq-manage-hint = للميسّرين: `الأسئلة الشائعة إضافة` و`الأسئلة الشائعة تعديل رقم` و`الأسئلة الشائعة حذف رقم`؛ وأرسل هنا ملف ‎.csv أو ‎.jsonl لاستيراد أسئلة كثيرة.
faq-usage = اكتب `الأسئلة الشائعة` للقائمة، أو `الأسئلة الشائعة ٣` لسؤال واحد، أو (للميسّرين) `الأسئلة الشائعة إضافة <السؤال> | <الجواب>` و`الأسئلة الشائعة تعديل ٣ …` و`الأسئلة الشائعة حذف ٣`.
faq-import-how = أرسل إليّ الملف في محادثتنا الخاصة: ملف ‎.csv أو ‎.jsonl بالأعمدة number وquestion_en وanswer_en وquestion_ar وanswer_ar وtags وgroup وsource. أذكر لك الأسطر المعيبة، وأستورد السليمة.
faq-export-how = يجري التصدير على الخادم: `python -m bot faq export faq.csv` (أو `faq.jsonl`)؛ ويمكن استيراد الملف نفسه كما هو.
faq-question-missing = السؤال ناقص. اكتب `الأسئلة الشائعة إضافة <السؤال> | <الجواب>`.
faq-answer-missing = الجواب ناقص. اكتب `الأسئلة الشائعة إضافة <السؤال> | <الجواب>`.
faq-too-many-phrasings = يمكن أن يكون للسؤال الواحد { $limit } صيغة على الأكثر.
faq-question-too-long = يجب ألا يزيد السؤال على { $limit } حرف.
faq-answer-too-long = الجواب طويل جدًا ({ $length } حرف)؛ اجعله أقل من { $limit } حرف.
faq-lang-unknown = «{ $given }» ليست من لغات الأسئلة الشائعة. استخدم `ar` أو `en`.
faq-too-many-tags = يمكن أن يكون للسؤال { $limit } وسوم على الأكثر.
faq-tag-too-long = يجب ألا يزيد الوسم على { $limit } حرفًا.
faq-source-invalid = «{ $given }» ليس رابطًا. يبدأ رابط المصدر بـ https://
faq-field-unknown = «{ $given }» ليس من حقول السؤال الشائع. استخدم `وسوم …` أو `مجموعة …` أو `مصدر https://…` أو `لغة ar|en`.
faq-duplicate = هذا السؤال موجود في السؤال الشائع رقم { $number }. عدّله بالأمر `الأسئلة الشائعة تعديل { $number }`.
faq-number-missing = أي سؤال؟ اذكر رقمه، مثل `الأسئلة الشائعة تعديل ٣`.
faq-unknown = لا يوجد سؤال شائع رقم { $number }. اكتب `الأسئلة الشائعة` لترى القائمة.
faq-form = سؤال شائع جديد
faq-form-edit = السؤال الشائع رقم { $number }
faq-form-question = السؤال (اكتب الصيغ الأخرى في أسطر جديدة)
faq-form-question-hint = املأ لغة واحدة أو اللغتين
faq-form-answer = الجواب
faq-form-tags = الوسوم (تفصل بينها فواصل)
faq-form-source = رابط المصدر
faq-form-group = مجموعة العمل
faq-form-submit = حفظ

## ملفات الأسئلة الشائعة
faq-imported = { $name }: { $added ->
    [zero] لم يُضف أي سؤال
    [one] أُضيف سؤال واحد
    [two] أُضيف سؤالان
    [few] أُضيفت { $added } أسئلة
    [many] أُضيف { $added } سؤالًا
   *[other] أُضيف { $added } سؤال
}، و{ $updated ->
    [zero] لم يُحدَّث أي سؤال
    [one] حُدّث سؤال واحد
    [two] حُدّث سؤالان
    [few] حُدّثت { $updated } أسئلة
    [many] حُدّث { $updated } سؤالًا
   *[other] حُدّث { $updated } سؤال
}.
faq-import-failed = { $count ->
    [one] لم يُستورد سطر واحد:
    [two] لم يُستورد سطران:
    [few] لم تُستورد { $count } أسطر:
    [many] لم يُستورد { $count } سطرًا:
   *[other] لم يُستورد { $count } سطر:
}
faq-import-more = … و{ $count } غيرها.
faq-import-line = السطر { $line }: { $problem }
faq-file-kind = لا أستطيع استيراد إلا ملفات ‎.csv أو ‎.jsonl، و«{ $name }» ليس منها.
faq-file-too-big = الملف كبير جدًا؛ الحد الأقصى { $limit } كيلوبايت.
faq-file-not-text = «{ $name }» ليس نصًا بترميز UTF-8. احفظه بصيغة «CSV UTF-8» وأرسله من جديد.
faq-file-too-many-rows = في الملف { $count } صف؛ يمكن استيراد { $limit } صف على الأكثر في المرة الواحدة.
faq-file-header = يجب أن يسمّي السطر الأول الأعمدة (مثل question_en وanswer_en)؛ لكنه: «{ $given }».
faq-file-columns = أعمدة غير معروفة: { $given }. الأعمدة هي: { $known }.
faq-row-unreadable = تعذّرت قراءة هذا السطر
faq-row-columns = مفاتيح غير معروفة: { $given }
faq-row-value = قيمة «{ $column }» ليست نصًا
faq-row-number = «{ $given }» ليس رقم سؤال
file-download-failed = لم أتمكن من تنزيل «{ $name }». أرسله من جديد من فضلك.
file-not-understood = لا أقرأ إلا ملفات الأسئلة الشائعة بصيغة ‎.csv أو ‎.jsonl، ومن الميسّرين فقط؛ لم أفتح «{ $name }».

## التذاكر
ticket-asker-label = السائل
ticket-status-label = الحالة
ticket-asked-label = وقت السؤال
ticket-group-label = مجموعة العمل
ticket-assignee-label = يتولاه
ticket-faq-label = السؤال الشائع
ticket-status = { $status ->
    [open] بانتظار جواب
    [assigned] قيد المتابعة
    [answered] أُجيب عنه
   *[closed] مغلق
}
ticket-status-line = الحالة: { ticket-status }
ticket-offered = ما قدّمه تنسيق للسائل:
ticket-offered-nothing = لم يجد تنسيق شيئًا قريبًا يقدّمه.
ticket-answer-by = جواب { $name }:
ticket-take-button = سأتولاه
ticket-answer-button = أجب
ticket-answer-label = جوابك (يصل إلى العضو)
ticket-send-button = أرسل الجواب
ticket-faq-button = احفظه سؤالًا شائعًا
ticket-close-button = إغلاق
ticket-reopen-button = ما زلت أحتاج إلى مساعدة
ticket-new = السؤال رقم { $number } لك
ticket-back = عاد السؤال رقم { $number }: لم يُفِد الجواب السائل
ticket-still-waiting = { $days ->
    [one] ينتظر السؤال رقم { $number } جوابًا منذ يوم واحد
    [two] ينتظر السؤال رقم { $number } جوابًا منذ يومين
    [few] ينتظر السؤال رقم { $number } جوابًا منذ { $days } أيام
    [many] ينتظر السؤال رقم { $number } جوابًا منذ { $days } يومًا
   *[other] ينتظر السؤال رقم { $number } جوابًا منذ { $days } يوم
}
ticket-card = السؤال رقم { $number }
ticket-taken = توليت السؤال رقم { $number }.
ticket-answer-sent = أُرسل جوابك عن السؤال رقم { $number }.
ticket-closed-now = أُغلق السؤال رقم { $number }.
ticket-closed-by-asker = أغلقت سؤالك رقم { $number }.
ticket-reopened = أُعيد فتح السؤال رقم { $number }؛ وسيراه الميسّرون.
ticket-faq-made = أصبح السؤال رقم { $number } السؤالَ الشائع رقم { $faq_number }.
ticket-thanks = شكرًا لك! أُغلق سؤالك رقم { $number }.
ticket-answered-asker = وصل جواب سؤالك رقم { $number }
ticket-assigned-asker = يتابع { $name } سؤالك رقم { $number }.
ticket-closed-asker = { $answered ->
    [yes] أُغلق سؤالك رقم { $number }.
   *[no] أُغلق سؤالك رقم { $number } دون جواب. إن كنت ما زلت تحتاج إلى جواب فاسأل من جديد أو راسل أحد الميسّرين.
}
tickets-list = { $title ->
    [open] أسئلة تنتظر جوابًا
    [mine] أسئلة توليتها
   *[all] أحدث الأسئلة
} ({ $count })
tickets-empty = لا أسئلة هنا.
ticket-line = رقم { $number } · { $question }
ticket-with = لدى { $name }
tickets-hint = `تذكرة رقم` تعرض سؤالًا، و`أجب رقم <النص>` تجيب عنه.
ticket-question-missing = السؤال فارغ.
ticket-number-missing = أي سؤال؟ اذكر رقمه، مثل `تذكرة ٤`.
ticket-unknown = لا يوجد سؤال رقم { $number }.
ticket-not-handler = السؤال رقم { $number } موجّه إلى الميسّرين (أو إلى قائد مجموعة العمل المعنية).
ticket-not-waiting = حالة السؤال رقم { $number } الآن: { ticket-status }.
ticket-answer-missing = اكتب الجواب بعد الرقم، مثل `أجب { $number } نعم، المراقبون مرحَّب بهم.`
ticket-answer-too-long = الجواب طويل جدًا ({ $length } حرف)؛ اجعله أقل من { $limit } حرف.
ticket-closed = السؤال رقم { $number } مغلق.
ticket-not-answered = لا جواب للسؤال رقم { $number } بعد.
ticket-faq-exists = السؤال رقم { $number } محفوظ بالفعل سؤالًا شائعًا برقم { $faq }.
ticket-not-yours = وحده العضو الذي طرح السؤال رقم { $number } يستطيع أن يقول إن الجواب أفاده.
ticket-usage = اكتب `تذكرة رقم`، أو `تذكرة استلام|إغلاق|افتح|حفظ رقم`.
answer-usage = اكتب `أجب رقم <النص>`، مثل `أجب ٤ نعم، المراقبون مرحَّب بهم.`
tickets-filter-unknown = «{ $given }» ليست قائمة أسئلة. استخدم `التذاكر` أو `التذاكر لي` أو `التذاكر الكل`.
