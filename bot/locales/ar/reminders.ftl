## المساعدة
help-cmd-reminders = **التذكيرات** — بماذا يذكّر تنسيق المجتمع ومتى؛ يغيّرها الميسّرون ويرون الرسائل التي تعذّر إيصالها. مثال: `التذكيرات` · `التذكيرات الهدوء ٢٠:٠٠-٠٨:٠٠` · `التذكيرات العطلة الجمعة السبت` · `التذكيرات الملخص الاثنين ٠٩:٠٠` · `التذكيرات الاجتماع ٧ أيام ١ يوم ١ ساعة` · `التذكيرات الإجراءات ٢ ١ أسبوعي` · `التذكيرات اللغة كلتاهما` · `التذكيرات الفاشلة` · `التذكيرات إعادة الكل`

## تذكيرات الاجتماعات (في القناة، ولاجتماعات مجموعات العمل أيضًا إلى أعضائها)
meeting-reminder-week = يُعقد الاجتماع رقم { $number } بعد { $lead }. اقترح بنود جدول الأعمال حتى { $deadline }.
meeting-reminder-day = يُعقد الاجتماع رقم { $number } بعد { $lead }. هذا جدول أعماله.
meeting-reminder-hour = يبدأ الاجتماع رقم { $number } بعد { $lead }.
agenda-published = جدول أعمال الاجتماع رقم { $number } جاهز.
meeting-follow-up = أُغلق الاجتماع رقم { $number }: هذه قراراته ونقاط العمل التي سجّلها.
minutes-nudge = لم يُنشر بعد محضر الاجتماع رقم { $number } «{ $title }» ({ $when }). اكتب `محضر { $number }` لمراجعته، ثم `محضر نشر { $number }`.
follow-up-none = لم يُسجَّل شيء.

## من يعنيهم منشور القناة، بالإشارة إليهم (named: بأسمائهم؛ وإلا فهم أكثر من أن يُسمَّوا، فيُذكر عددهم)
mentions-call-for-items = { $named ->
    [true] لم يقترحوا بندًا بعد:
   *[other] { $count ->
        [one] لم يقترح عضو واحد بندًا بعد.
        [two] لم يقترح عضوان بندًا بعد.
        [few] لم يقترح { $count } أعضاء بندًا بعد.
        [many] لم يقترح { $count } عضوًا بندًا بعد.
       *[other] لم يقترح { $count } عضو بندًا بعد.
    }
}
mentions-presenting = { $named ->
    [true] يعرضون بنودًا:
   *[other] { $count ->
        [one] يعرض عضو واحد بنودًا.
        [two] يعرض عضوان بنودًا.
        [few] يعرض { $count } أعضاء بنودًا.
        [many] يعرض { $count } عضوًا بنودًا.
       *[other] يعرض { $count } عضو بنودًا.
    }
}
mentions-overdue = { $named ->
    [true] لديهم نقاط عمل متأخرة:
   *[other] { $count ->
        [one] لدى عضو واحد نقاط عمل متأخرة.
        [two] لدى عضوين نقاط عمل متأخرة.
        [few] لدى { $count } أعضاء نقاط عمل متأخرة.
        [many] لدى { $count } عضوًا نقاط عمل متأخرة.
       *[other] لدى { $count } عضو نقاط عمل متأخرة.
    }
}

## تذكيرات الإجراءات (محادثة فردية)
action-nudge-due-soon = موعد استحقاق الإجراء رقم { $number } هو { $day }.
action-nudge-overdue = كان موعد استحقاق الإجراء رقم { $number } في { $day }. هل أُنجز؟ علّمه منجزًا، أو أضف تقدّمًا، أو أمهله أسبوعًا.
action-nudge-overdue-weekly = تذكير أسبوعي: الإجراء رقم { $number } متأخر منذ { $day }.

## الملخص الأسبوعي (القناة)
digest-title = هذا الأسبوع في المجتمع
digest-meetings = الاجتماعات
digest-deadline = تقديم البنود حتى { $deadline }
digest-actions = نقاط العمل المستحقة هذا الأسبوع أو المتأخرة
digest-overdue = متأخر
digest-line = رقم { $number } { $text } — { $day }
digest-none = لا شيء هذا الأسبوع.

## أمر التذكيرات
reminders-settings = { $changed ->
    [true] حُفظت إعدادات التذكيرات.
   *[other] إعدادات التذكيرات
}
reminders-meeting-label = الاجتماعات
reminders-meeting-value = قبلها بـ{ $offsets }، في القناة
reminders-meeting-off = بلا تذكيرات
reminders-agenda-label = جدول الأعمال
reminders-agenda-value = { $on ->
    [true] يُنشر عند انتهاء مهلة تقديم البنود
   *[other] لا يُنشر تلقائيًا
}
reminders-follow-up-label = بعد الاجتماع
reminders-follow-up-value = { $on ->
    [true] تُنشر القرارات ونقاط العمل؛ ويُذكَّر الميسّرون بعد { $days } أيام إن لم يُنشر المحضر
   *[other] لا يُنشر شيء
}
reminders-actions-label = المسؤولون عن الإجراءات
reminders-actions-value = قبل موعد الاستحقاق بـ{ $before } أيام، وبعده بـ{ $after } يوم{ $weekly ->
    [true] ، ثم أسبوعيًا ما دام متأخرًا
   *[other] {""}
}
reminders-actions-off = بلا تذكيرات
reminders-digest-label = الملخص الأسبوعي
reminders-digest-value = { $day } الساعة { $time } ({ $area })
reminders-digest-off = متوقف
reminders-quiet-label = ساعات الهدوء والعطلة
reminders-quiet-value = الهدوء من { $from } إلى { $until }؛ أيام العطلة: { $days }. تنتظر عندها التذكيرات الموجهة للأشخاص صباح يوم العمل التالي بتوقيت كل منهم (تذكيرات الاجتماعات لا تُؤجَّل أبدًا).
reminders-offset = { $unit ->
    [d] { $count ->
        [one] يوم واحد
        [two] يومين
        [few] { $count } أيام
        [many] { $count } يومًا
       *[other] { $count } يوم
    }
    [h] { $count ->
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $count } ساعات
        [many] { $count } ساعة
       *[other] { $count } ساعة
    }
   *[m] { $count } دقيقة
}
reminders-weekday = { $day ->
    [MO] الاثنين
    [TU] الثلاثاء
    [WE] الأربعاء
    [TH] الخميس
    [FR] الجمعة
    [SA] السبت
   *[SU] الأحد
}
reminders-no-weekend = بلا عطلة
reminders-languages-label = منشورات القناة
reminders-languages-value = { $choice ->
    [ar] بالعربية
    [en] بالإنجليزية
    [both] بالعربية والإنجليزية
   *[auto] باللغات التي يقرؤها الأعضاء (باللغتين إن قرأ بعضهم العربية وبعضهم الإنجليزية)
}
reminders-change-hint = للميسّرين: `التذكيرات الهدوء ٢٠:٠٠-٠٨:٠٠`، `التذكيرات العطلة الجمعة السبت`، `التذكيرات الملخص الاثنين ٠٩:٠٠` (أو `إيقاف`)، `التذكيرات الاجتماع ٧ أيام ١ يوم ١ ساعة`، `التذكيرات الإجراءات ٢ ١ أسبوعي`، `التذكيرات اللغة تلقائي` (أو `عربي`، `إنجليزي`، `كلتاهما`)، `التذكيرات الفاشلة`.
reminders-failed = { $count ->
    [0] وصلت كل الرسائل.
    [one] تعذّر إيصال رسالة واحدة
    [two] تعذّر إيصال رسالتين
    [few] تعذّر إيصال { $count } رسائل
    [many] تعذّر إيصال { $count } رسالة
   *[other] تعذّر إيصال { $count } رسالة
}
reminders-failed-line = رقم { $id } · { $kind } · { $to } · { $due } — { $error }
reminders-failed-hint = `التذكيرات إعادة <الرقم>` أو `التذكيرات إعادة الكل` لإرسالها من جديد.
reminders-retry-button = أعد إرسال #{ $id }
reminders-retry-all-button = أعد إرسالها كلها
reminders-retried = { $count ->
    [0] لا شيء لإعادة إرساله.
    [one] ستُرسل رسالة واحدة من جديد بعد لحظات.
    [two] ستُرسل رسالتان من جديد بعد لحظات.
    [few] ستُرسل { $count } رسائل من جديد بعد لحظات.
    [many] ستُرسل { $count } رسالة من جديد بعد لحظات.
   *[other] ستُرسل { $count } رسالة من جديد بعد لحظات.
}
reminders-usage = اكتب `التذكيرات` لرؤية الإعدادات. وللميسّرين: `التذكيرات الهدوء`، `العطلة`، `الملخص`، `الاجتماع`، `الإجراءات`، `اللغة`، `الفاشلة`، `إعادة`.
reminders-quiet-usage = اكتب ساعات الهدوء من–إلى، مثلًا `التذكيرات الهدوء ٢٠:٠٠-٠٨:٠٠`.
reminders-weekend-usage = سمِّ أيام العطلة، مثلًا `التذكيرات العطلة الجمعة السبت` (أو `التذكيرات العطلة إيقاف`).
reminders-digest-usage = أعطِ يومًا ووقتًا، مثلًا `التذكيرات الملخص الاثنين ٠٩:٠٠` (أو `التذكيرات الملخص إيقاف`).
reminders-meeting-usage = أعطِ المدة قبل كل اجتماع، مثلًا `التذكيرات الاجتماع ٧ أيام ١ يوم ١ ساعة` (حتى ٦٠ يومًا؛ أو `إيقاف`).
reminders-actions-usage = أعطِ عدد الأيام قبل موعد الاستحقاق وبعده، مثلًا `التذكيرات الإجراءات ٢ ١ أسبوعي` (أو `إيقاف`).
reminders-languages-usage = اختر لغة منشورات القناة: `التذكيرات اللغة تلقائي` (اللغات التي يقرؤها الأعضاء)، أو `عربي`، أو `إنجليزي`، أو `كلتاهما`.
reminders-retry-usage = اكتب `التذكيرات إعادة <الرقم>` (انظر `التذكيرات الفاشلة`) أو `التذكيرات إعادة الكل`.
reminders-retry-unknown = لا توجد رسالة متعذّرة رقم { $number }؛ انظر `التذكيرات الفاشلة`.
reminders-kind = { $kind ->
    [meeting-reminder] تذكير باجتماع
    [agenda-published] جدول الأعمال
    [meeting-follow-up] متابعة اجتماع
    [minutes-nudge] تذكير بالمحضر
    [minutes-published] محضر منشور
    [action-due-soon] إجراء يقترب موعده
    [action-overdue] إجراء متأخر
    [action-overdue-weekly] تذكير أسبوعي بإجراء متأخر
    [action-assigned] إجراء جديد
    [weekly-digest] الملخص الأسبوعي
   *[other] رسالة
}
reminders-reason = { $reason ->
    [bot-removed] أُزيل البوت من تلك المحادثة
    [conversation-gone] لم تعد تلك المحادثة موجودة
    [member-left] غادر المجتمع
    [no-conversation] لا سبيل لتنسيق إلى الوصول إليه بعد
    [no-channel] تنسيق ليس في قناة من قنوات الفريق
    [throttled] طلبت Teams الانتظار مرارًا
    [unreachable] تعذّر الوصول إلى Teams
    [server-error] حدث خطأ لدى Teams
    [bot-error] تعذّر على تنسيق إعدادها (خطأ من جهتنا؛ التفاصيل في السجل)
    [no-token] تعذّر على تنسيق تسجيل الدخول إلى Teams (راجع بيانات الاعتماد)
    [unauthorized] لم تقبل Teams بيانات اعتماد تنسيق
    [bad-reference] سجلّ تنسيق لتلك المحادثة تالف
    [unknown-outcome] لم تُجب Teams مرتين؛ ربما وصلت (تحقّق قبل إرسالها من جديد)
    [mail-refused] رفض خادم البريد الرسالة
    [mail-deferred] ظلّ خادم البريد يطلب الانتظار
    [mail-unreachable] تعذّر الوصول إلى خادم البريد
    [mail-login] لم يقبل خادم البريد دخول تنسيق (راجع SMTP_USERNAME وSMTP_PASSWORD)
    [mail-setup] لا يقدّم خادم البريد التشفير الذي طلبه تنسيق (راجع SMTP_TLS)
    [mail-no-answer] لم يُجب خادم البريد مرتين؛ ربما وصلت الرسالة
   *[other] تعذّر إيصالها
}
