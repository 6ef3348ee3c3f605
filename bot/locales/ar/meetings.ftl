## المساعدة
help-cmd-meetings = **الاجتماعات** — الاجتماعات القادمة بتوقيتك، مع ملف تقويم لكل منها. مثال: `الاجتماعات`
help-cmd-meeting = **اجتماع** — جدولة الاجتماعات وإدارتها (للميسّرين؛ `اجتماع إضافة` وحدها تفتح نموذجًا). مثال: `اجتماع إضافة الاجتماع العام الفصلي | ١٥ ديسمبر ١٤:٠٠ | كل ربع سنة | https://teams.microsoft.com/l/meetup-join/…` · `اجتماع نقل ٢ | الخميس القادم الساعة ١٠` · `اجتماع إلغاء ٢` · `اجتماع إغلاق ٢`
help-cmd-agenda = **جدول الأعمال** — جدول أعمال الاجتماع القادم، أو اقترح بندًا (`جدول إضافة` وحدها تفتح نموذجًا). مثال: `جدول إضافة محفزات الإنذار المبكر بالفيضانات | مراجعة العتبات` · للميسّرين: `جدول قبول ٤` · `جدول ترتيب ٤ ٢ ٣`
help-cmd-decision = **قرار** — سجّل ما قرره الاجتماع، أو قرارًا اتُّخذ خارج الاجتماعات (للميسّرين). مثال: `قرار إضافة اعتماد نموذج 4W الموحد | بند ٤` · `قرار إضافة توسيع الخرائط لتشمل حماة | بدون اجتماع` · `قرار إضافة من الاستطلاع ٣`
help-cmd-minutes = **محضر** — محضر اجتماع؛ يحرره الميسّرون وينشرونه. مثال: `محضر ٢` · `محضر تعديل ٢ | الملخص…` (يُحفظ باللغة التي كُتب بها؛ `محضر تعديل ٢ انجليزي | …` أو `عربي` يحددها) · `محضر نشر ٢`
help-cmd-attended = **حضر** — من حضر الاجتماع (للميسّرين). مثال: `حضر ٢ @عمر @ليلى`

## الاجتماعات
meeting-kind = { $kind ->
    [plenary] اجتماع عام
    [follow-up] اجتماع متابعة
    [face-to-face] اجتماع حضوري
    [working-group] اجتماع مجموعة عمل
   *[other] اجتماع
}
meeting-added = جُدول الاجتماع رقم { $number }.
meeting-moved = نُقل الاجتماع رقم { $number } (كان موعده { $before }).
meeting-moved-series = نُقلت سلسلة الاجتماعات رقم { $number } كلها (كان موعد اجتماعها التالي { $before }).
meeting-card = الاجتماع رقم { $number }
meeting-when-label = الموعد
meeting-zone-note = { $time } ({ $area })
meeting-repeat-label = يتكرر
meeting-place-label = المكان
meeting-link-label = الانضمام
meeting-group-label = مجموعة العمل
meeting-deadline-label = تقديم البنود حتى
meeting-agenda-count = { $count ->
    [0] لا بنود في جدول الأعمال بعد
    [one] بند واحد في جدول الأعمال
    [two] بندان في جدول الأعمال
    [few] { $count } بنود في جدول الأعمال
    [many] { $count } بندًا في جدول الأعمال
   *[other] { $count } بند في جدول الأعمال
}
meeting-calendar = أضف إلى التقويم (‎.ics)
meeting-join = انضم عبر الإنترنت
meeting-agenda-button = جدول الأعمال
meetings-list = { $count ->
    [0] لا اجتماعات قادمة.
    [one] الاجتماع القادم
    [two] الاجتماعان القادمان
    [few] الاجتماعات الـ{ $count } القادمة
    [many] الاجتماعات الـ{ $count } القادمة
   *[other] الاجتماعات الـ{ $count } القادمة
}
meetings-empty-hint = يجدول الميسّرون اجتماعًا بالأمر `اجتماع إضافة`.
meeting-cancelled-one = أُلغي الاجتماع رقم { $number } «{ $title }» المقرر في { $when }. { $items ->
    [0] لم تكن له بنود مفتوحة.
    [one] نُقل بنده المفتوح إلى الاجتماع التالي ({ $next }).
    [two] نُقل بنداه المفتوحان إلى الاجتماع التالي ({ $next }).
    [few] نُقلت بنوده المفتوحة الـ{ $items } إلى الاجتماع التالي ({ $next }).
    [many] نُقلت بنوده المفتوحة الـ{ $items } إلى الاجتماع التالي ({ $next }).
   *[other] نُقلت بنوده المفتوحة الـ{ $items } إلى الاجتماع التالي ({ $next }).
}
meeting-cancelled-single = أُلغي الاجتماع رقم { $number } «{ $title }». { $items ->
    [0] لم تكن هناك بنود تنتظره.
    [one] كان بند واحد ينتظره؛ راجع `جدول الأعمال`.
    [two] كان بندان ينتظرانه؛ راجع `جدول الأعمال`.
    [few] كانت { $items } بنود تنتظره؛ راجع `جدول الأعمال`.
    [many] كان { $items } بندًا ينتظره؛ راجع `جدول الأعمال`.
   *[other] كان { $items } بند ينتظره؛ راجع `جدول الأعمال`.
}
meeting-cancelled-series = أُلغيت سلسلة الاجتماعات رقم { $number } «{ $title }». { $items ->
    [0] لم تكن هناك بنود تنتظرها.
    [one] كان بند واحد ينتظرها؛ راجع `جدول الأعمال`.
    [two] كان بندان ينتظرانها؛ راجع `جدول الأعمال`.
    [few] كانت { $items } بنود تنتظرها؛ راجع `جدول الأعمال`.
    [many] كان { $items } بندًا ينتظرها؛ راجع `جدول الأعمال`.
   *[other] كان { $items } بند ينتظرها؛ راجع `جدول الأعمال`.
}
meeting-closed = أُغلق الاجتماع رقم { $number } المنعقد في { $when }: البنود التي نوقشت: { $discussed }، والمرحّلة{ $carried ->
    [0] : { $carried }
   *[other] {" "}إلى { $next }: { $carried }
}. الخطوة التالية: `قرار إضافة …` و`محضر { $number }`.
meeting-already-closed = الاجتماع رقم { $number } المنعقد في { $when } مغلق من قبل ({ $at })؛ لم يتغير شيء.

## أخطاء الاجتماعات
meeting-usage = اكتب `اجتماع إضافة <العنوان> | <الموعد>` أو `اجتماع نقل <الرقم> | <الموعد>` أو `اجتماع إلغاء <الرقم>` أو `اجتماع إغلاق <الرقم>`. الأرقام في `الاجتماعات`.
meeting-number-missing = أي اجتماع؟ أضف رقمه، مثلًا `اجتماع إلغاء ٢`؛ تجد الأرقام في `الاجتماعات`.
meeting-unknown = لا يوجد اجتماع رقم { $number }. تجد الأرقام في `الاجتماعات`.
meeting-title-missing = يحتاج الاجتماع إلى عنوان. اكتب مثلًا `اجتماع إضافة الاجتماع العام الفصلي | ١٥ ديسمبر ١٤:٠٠`.
meeting-when-missing = متى الاجتماع؟ اكتب مثلًا `اجتماع إضافة اجتماع المتابعة الشهري | الخميس القادم الساعة ١٠` أو `… | ١٥/١٢/٢٠٢٦ ١٤:٠٠`.
meeting-title-too-long = في هذا العنوان { $length } حرفًا، والحد الأقصى { $limit }.
meeting-place-too-long = لا يتجاوز المكان { $limit } حرفًا.
meeting-link-invalid = «{ $given }» ليس رابطًا يستطيع تنسيق استخدامه؛ أعطِ رابطًا يبدأ بـ https://‎.
meeting-duration-invalid = تتراوح مدة الاجتماع بين ٥ دقائق و{ $hours } ساعة؛ اكتب مثلًا `لمدة ٩٠ دقيقة`.
meeting-deadline-invalid = يكون آخر موعد لتقديم البنود بين ٠ و{ $days } يومًا قبل الاجتماع؛ اكتب مثلًا `مهلة ٤٨ ساعة`.
meeting-already-cancelled = الاجتماع رقم { $number } ملغى من قبل.
meeting-move-when-missing = إلى أي موعد؟ اكتب مثلًا `اجتماع نقل { $number } | الخميس القادم الساعة ١٠` (أضف `| الكل` لنقل السلسلة كلها).
meeting-nothing-ahead = لا موعد قادمًا للاجتماع رقم { $number }.
meeting-no-occurrence-on = لا ينعقد الاجتماع رقم { $number } في { $day }. تجد مواعيده في `الاجتماعات`.
meeting-not-started = لم يبدأ الاجتماع رقم { $number } بعد؛ أغلقه واكتب محضره بعد انعقاده.
meeting-close-usage = اكتب `اجتماع إغلاق <الرقم>`، أو `اجتماع إغلاق <الرقم> | تخطي ٤ ٥` للبنود المقبولة التي لم تُناقش.
no-meeting-held = لم يُعقد أي اجتماع بعد.

## جدول الأعمال
agenda-title = جدول الأعمال — { $title }
agenda-meeting-line = رقم { $number } · { $when }
agenda-deadline = تُقبل البنود حتى { $deadline }
agenda-deadline-passed-note = انتهت مهلة تقديم البنود؛ تذهب البنود الجديدة إلى الاجتماع التالي.
agenda-empty = لا بنود بعد. اقترح بندًا بالأمر `جدول إضافة <العنوان>`.
agenda-status = { $status ->
    [accepted] مقبول
    [proposed] مقترح
    [deferred] مؤجل
    [discussed] نوقش
    [carried] مرحّل
   *[removed] محذوف
}
agenda-item-line = رقم { $number } · { $title }
agenda-item-by = اقترحه { $name }
agenda-item-presenter = يقدمه { $name }
agenda-item-minutes = مطلوب توثيقه في المحضر
agenda-item-confidential = سري
agenda-manage-hint = للميسّرين: `جدول قبول|تأجيل|حذف <الرقم>`، `جدول ترتيب <الأرقام>`.
agenda-add-button = اقترح بندًا
agenda-item-added = اقتُرح البند رقم { $number } «{ $title }» لـ{ $meeting } ({ $when }). سيعتمده أحد الميسّرين.
agenda-item-added-next = انتهت مهلة تقديم البنود لـ{ $meeting } في { $deadline }، لذا اقتُرح البند رقم { $number } «{ $title }» للاجتماع التالي ({ $when }).
agenda-item-accepted = قُبل البند رقم { $number } «{ $title }».
agenda-item-deferred = أُجّل البند رقم { $number } «{ $title }»؛ يُرحّل إلى الاجتماع التالي عند إغلاق الاجتماع.
agenda-item-removed = حُذف البند رقم { $number } «{ $title }» من جدول الأعمال.
agenda-ordered = يبدأ جدول الأعمال الآن بالبنود { $order }.
agenda-form = اقترح بندًا لجدول الأعمال
agenda-form-title = العنوان
agenda-form-details = التفاصيل (اختياري)
agenda-form-meeting = الاجتماع
agenda-form-next = الاجتماع القادم
agenda-form-group = مجموعة العمل (اختياري)
agenda-form-minutes = أرجو توثيق هذا البند في المحضر
agenda-form-confidential = سري: لا يظهر في المحضر المنشور
agenda-form-submit = اقترح

## أخطاء جدول الأعمال
agenda-usage = اكتب `جدول الأعمال` لرؤية الجدول القادم، و`جدول إضافة <العنوان>` لاقتراح بند؛ وللميسّرين `جدول قبول|تأجيل|حذف <الرقم>` و`جدول ترتيب <الأرقام>`.
agenda-title-missing = يحتاج البند إلى عنوان. اكتب مثلًا `جدول إضافة محفزات الإنذار المبكر بالفيضانات | مراجعة العتبات`.
agenda-title-too-long = في هذا العنوان { $length } حرفًا، والحد الأقصى { $limit }.
agenda-details-too-long = لا تتجاوز التفاصيل { $limit } حرفًا.
agenda-add-usage = اكتب `جدول إضافة <العنوان> | <التفاصيل>`؛ وأجزاء اختيارية: `| لاجتماع <الرقم>`، `| يقدمه @الاسم`، `| مجموعة <الاسم>`، `| محضر`، `| سري`.
agenda-presenter-missing = من يقدمه؟ اذكره بـ@، مثلًا `| يقدمه @عمر`.
agenda-no-meeting = لا اجتماع قادمًا لإضافة البنود إليه. يجدول الميسّرون اجتماعًا بالأمر `اجتماع إضافة`.
agenda-deadline-passed = انتهت مهلة تقديم البنود للاجتماع رقم { $meeting } في { $deadline }، ولا اجتماع بعده. اطلب من أحد الميسّرين إضافة بندك.
agenda-duplicate = يبدو هذا مثل البند رقم { $number } «{ $title }» الموجود في جدول الأعمال نفسه. إن كان مختلفًا فأعطه عنوانًا أوضح.
agenda-number-missing = أي بند؟ أضف رقمه، مثلًا `جدول قبول ٤`؛ تجد الأرقام في `جدول الأعمال`.
agenda-unknown = لا يوجد بند رقم { $number }. تجد الأرقام في `جدول الأعمال`.
agenda-withheld = { $count ->
    [zero] لا بنود سرية.
    [one] بند سري واحد (للميسّرين فقط).
    [two] بندان سريان (للميسّرين فقط).
    [few] { $count } بنود سرية (للميسّرين فقط).
   *[other] { $count } بندًا سريًا (للميسّرين فقط).
}
agenda-duplicate-unseen = في جدول الأعمال نفسه بند يشبه هذا كثيرًا. إن كان بندك مختلفًا فأعطه عنوانًا أوضح.
agenda-item-closed = البند رقم { $number } { $status ->
    [discussed] نوقش من قبل
    [carried] مرحّل من قبل
   *[removed] محذوف من قبل
}.
agenda-order-usage = اكتب أرقام البنود بالترتيب الذي تريده، مثلًا `جدول ترتيب ٤ ٢ ٣`.
agenda-order-repeated = يظهر كل بند مرة واحدة في الترتيب.
agenda-order-mixed = هذه البنود تخص اجتماعات مختلفة؛ رتّب جدول اجتماع واحد في كل مرة.
agenda-not-on-meeting = البند رقم { $number } ليس في جدول أعمال الاجتماع رقم { $meeting }.

## القرارات والحضور
decision-added = سُجّل القرار رقم { $number } لـ{ $meeting } ({ $when }){ $item ->
    [0] {""}
   *[other] {" "}بشأن البند رقم { $item }
}.
decision-usage = اكتب `قرار إضافة <النص>`؛ وأجزاء اختيارية: `| بند <الرقم>`، `| اجتماع <الرقم>`، `| سري`، و`| بدون اجتماع` لقرار اتُّخذ خارج الاجتماعات. و`قرار إضافة من الاستطلاع <الرقم>` يسجّل نتيجة استطلاع مغلق.
decision-added-outside = سُجّل القرار رقم { $number } على أنه اتُّخذ خارج الاجتماعات.
decision-added-from-poll = سُجّلت نتيجة الاستطلاع رقم { $poll } بوصفها القرار رقم { $number }.
decision-outside-and-meeting = القرار إما لاجتماع (`| بند <الرقم>`، `| اجتماع <الرقم>`) وإما خارج الاجتماعات (`| بدون اجتماع`، `| استطلاع <الرقم>`)، لا الاثنان معًا.
decision-last-minutes-published = محضر آخر اجتماع، { $meeting }، منشور، فلا تمكن إضافة شيء إليه. لقرار اتُّخذ خارج الاجتماعات اكتب `قرار إضافة <النص> | بدون اجتماع`؛ ولنتيجة استطلاع `قرار إضافة من الاستطلاع <الرقم>`.
decision-poll-is-endorsement = رقم { $number } طلب تأييد: إذا أيّده الأعضاء سُجّل قرارًا من تلقاء نفسه.
decision-poll-open = الاستطلاع رقم { $number } ما زال مفتوحًا. أغلقه أولًا بـ`استطلاع إغلاق { $number }` ثم سجّل نتيجته.
decision-poll-recorded = نتيجة الاستطلاع رقم { $number } مسجّلة من قبل بوصفها القرار رقم { $decision }.
decision-poll-no-winner = ليس للاستطلاع رقم { $number } خيار فائز واحد (تعادل، أو لا إجابات). اكتب القرار بكلماتك: `قرار إضافة <النص> | استطلاع { $number }`.
decision-text-missing = ماذا تقرر؟ اكتب مثلًا `قرار إضافة اعتماد نموذج 4W الموحد`.
decision-text-too-long = في هذا القرار { $length } حرفًا، والحد الأقصى { $limit }.
attended-usage = اذكر الحضور بـ@، مثلًا `حضر ٢ @عمر @ليلى`.
attendance-recorded = { $count ->
    [one] سُجّل حاضر واحد
    [two] سُجّل حاضران
    [few] سُجّل { $count } حاضرين
    [many] سُجّل { $count } حاضرًا
   *[other] سُجّل { $count } حاضر
} في اجتماع { $when }.

## المحضر
minutes = المحضر
minutes-draft = مسودة المحضر — لم يُنشر بعد
minutes-published = نُشر المحضر.
minutes-withheld = { $count ->
    [one] حُجبت عنه نقطة سرية واحدة.
    [two] حُجبت عنه نقطتان سريتان.
    [few] حُجبت عنه { $count } نقاط سرية.
    [many] حُجبت عنه { $count } نقطة سرية.
   *[other] حُجبت عنه { $count } نقطة سرية.
}
minutes-draft-hint = للميسّرين: `محضر تعديل { $number } | <الملخص>`، `حضر { $number } @الاسم`، ثم `محضر نشر { $number }`.
minutes-download-md = تنزيل (Markdown)
minutes-download-docx = تنزيل (Word)
minutes-usage = اكتب `محضر <رقم الاجتماع>`؛ وللميسّرين `محضر تعديل <الرقم> | <الملخص>` و`محضر نشر <الرقم>`.
minutes-not-published = لم يُنشر محضر الاجتماع رقم { $number } بعد.
minutes-already-published = محضر الاجتماع رقم { $number } منشور ولم يعد قابلًا للتعديل.
minutes-summary-missing = اكتب الملخص بعد الشرطة العمودية، مثلًا `محضر تعديل { $number } | اتفقنا على…`.
minutes-summary-too-long = في هذا الملخص { $length } حرفًا، والحد الأقصى { $limit }.
minutes-close-first = أغلق الاجتماع أولًا (`اجتماع إغلاق { $number }`) ثم انشر محضره.
minutes-approved-already = وافقت على هذا المحضر من قبل؛ يلزم موافقة { $needed } من الميسّرين، فينشره أمر `محضر نشر { $number }` من ميسّر آخر.
minutes-approval-recorded = سُجّلت موافقتك على محضر الاجتماع رقم { $number } ({ $have } من { $needed }). ينشره أمر `محضر نشر { $number }` من ميسّر آخر.
minutes-approvals-usage = اكتب `محضر موافقات ١` أو `محضر موافقات ٢` (عدد الميسّرين الذين يلزم أن يوافقوا على المحضر).
minutes-approvals-set = من الآن { $needed ->
    [one] ينشر ميسّر واحد المحضر
    [two] يلزم موافقة ميسّرَين اثنين قبل نشر المحضر
   *[other] يلزم موافقة { $needed } من الميسّرين قبل نشر المحضر
}.

## نموذج الاجتماع
meeting-form = جدولة اجتماع
meeting-form-title = العنوان
meeting-form-kind = النوع
meeting-form-day = اليوم
meeting-form-time = وقت البدء ({ $area })
meeting-form-duration = المدة
meeting-form-repeat = التكرار
meeting-form-once = لا يتكرر
meeting-form-weekly = كل أسبوع
meeting-form-biweekly = كل أسبوعين
meeting-form-monthly = كل شهر
meeting-form-quarterly = كل ربع سنة
meeting-form-yearly = كل سنة
meeting-form-link = رابط الاجتماع عبر الإنترنت (اختياري)
meeting-form-place = المكان (اختياري)
meeting-form-group = مجموعة العمل (اختياري)
meeting-form-submit = جدولة
meeting-form-minutes = { $minutes } دقيقة
minutes-already-published-change = محضر ذلك الاجتماع منشور؛ لم يعد ممكنًا إضافة قرارات أو حضور إليه.

## صفحات جدول الأعمال: يُعرض الجدول الطويل على أجزاء وتُختصر التفاصيل الطويلة
agenda-item = بند جدول الأعمال رقم { $number }
agenda-more = البنود المتبقية: { $count } من { $total }. يعرض الزر ما يليها.
agenda-more-button = بنود أخرى (المتبقي { $count })
agenda-page-range = البنود من { $first } إلى { $last } من أصل { $total }
agenda-item-cut = مختصر: اضغط على البند، أو اكتب `جدول بند { $number }`، لقراءته كاملًا.
agenda-item-open = البند رقم { $number } كاملًا
agenda-whole-button = جدول الأعمال كاملًا
minutes-cut = اختُصرت هنا الأجزاء الطويلة: اكتب `محضر { $number }` في محادثة خاصة مع تنسيق لقراءة المحضر كاملًا بعد نشره، مع روابط تنزيله.
minutes-cut-downloads = اختُصرت هنا الأجزاء الطويلة: روابط التنزيل أدناه فيها المحضر كاملًا.
