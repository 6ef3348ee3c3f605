## المساعدة
help-cmd-actions = **الإجراءات** — نقاط العمل المفتوحة الخاصة بك؛ وأيضًا `الإجراءات الكل` و`الإجراءات المتأخرة` و`الإجراءات @الاسم` و`الإجراءات مجموعة الاسم`، و`الإجراءات تقرير [ربع|سنة]`. مثال: `الإجراءات المتأخرة`
help-cmd-action = **إجراء** — سجّل نقطة عمل أو حدّثها (`إجراء إضافة` وحدها تفتح نموذجًا). مثال: `إجراء إضافة مشاركة بيانات محفزات الفيضانات | @عمر | الخميس القادم` · `إجراء تم ٣` · `إجراء تقدم ٣ أُرسلت المسودة`

## النتائج (تظهر فوق بطاقة الإجراء)
action-added = سُجّل الإجراء رقم { $number }.
action-card = الإجراء رقم { $number }
action-done = أُنجز الإجراء رقم { $number }. شكرًا لك!
action-cancel = أُلغي الإجراء رقم { $number }.
action-progress = سُجّل التقدم في الإجراء رقم { $number }.
action-blocked = وُسم الإجراء رقم { $number } بأنه متعثر.
action-due = للإجراء رقم { $number } موعد استحقاق جديد.
action-reassign = للإجراء رقم { $number } مسؤول جديد.

## البطاقة
action-status = { $status ->
    [open] مفتوح
    [in_progress] قيد التنفيذ
    [blocked] متعثر
    [done] منجز
   *[cancelled] ملغى
}
action-status-label = الحالة
action-owners-value = { $owners }
action-owners-label = المسؤولون
action-due-label = موعد الاستحقاق
action-group-label = مجموعة العمل
action-due-value = { $day }
action-no-due = بلا موعد
action-overdue = { $days ->
    [one] { $day } — متأخر يومًا واحدًا
    [two] { $day } — متأخر يومين
    [few] { $day } — متأخر { $days } أيام
    [many] { $day } — متأخر { $days } يومًا
   *[other] { $day } — متأخر { $days } يوم
}
action-button-done = تم
action-button-progress = أضف تقدمًا
action-button-snooze = أجّل أسبوعًا
action-button-save = حفظ
action-progress-placeholder = ما الذي استجد؟
action-history-title = السجل
action-history-line = { $at } · { $who }: { $kind ->
    [created] سجّله
    [done] أنجزه
    [cancel] ألغاه
    [progress] أضاف تقدمًا
    [blocked] وسمه بأنه متعثر
    [due] غيّر موعد الاستحقاق
   *[reassign] أسنده إلى شخص آخر
}{ $note }

## القوائم
actions-list = { $title ->
    [mine] إجراءاتك المفتوحة
    [all] كل الإجراءات المفتوحة
    [overdue] الإجراءات المتأخرة
    [member] الإجراءات المفتوحة لـ{ $subject }
   *[group] الإجراءات المفتوحة لمجموعة { $subject }
} ({ $count })
actions-empty = لا شيء هنا: لا يوجد إجراء مفتوح مطابق.
actions-page = الصفحة { $page } من { $pages } — أضف `{ $next }` إلى الأمر نفسه للمزيد.
actions-page-unknown = لا توجد صفحة { $page }: { $pages ->
    [one] في القائمة صفحة واحدة
    [two] في القائمة صفحتان
    [few] في القائمة { $pages } صفحات
    [many] في القائمة { $pages } صفحة
   *[other] في القائمة { $pages } صفحة
}.
actions-filter-unknown = «{ $given }» ليست قائمة يعرفها تنسيق. جرّب `الإجراءات` أو `الإجراءات الكل` أو `الإجراءات المتأخرة` أو `الإجراءات @الاسم` أو `الإجراءات مجموعة الاسم`.

## الأخطاء
action-usage = اكتب `إجراء إضافة <المطلوب> | <المسؤولون> | <الموعد>`، أو `إجراء تم ٣` أو `إجراء تقدم ٣ <ملاحظة>` أو `إجراء متعثر ٣ <السبب>` أو `إجراء موعد ٣ <التاريخ>` أو `إجراء إسناد ٣ @الاسم` أو `إجراء إلغاء ٣`.
action-text-missing = اذكر ما المطلوب عمله، مثل `إجراء إضافة مشاركة بيانات محفزات الفيضانات | أنا | الخميس القادم`.
action-text-too-long = نص الإجراء طويل جدًا ({ $length } { $length ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
})؛ اجعله أقل من { $limit } حرف وضع التفاصيل في ملاحظة تقدم.
action-owners-missing = من سيقوم به؟ ضع المسؤولين بعد «|»: أشِر إليهم بـ @ أو اكتب `أنا`. مثال: `إجراء إضافة صياغة البروتوكول | @عمر | ١٥ ديسمبر`.
action-owner-self-only = يستطيع الأعضاء تسجيل إجراءات لأنفسهم (`أنا`)؛ اطلب من أحد الميسّرين إسناد إجراء لغيرك.
action-number-missing = أي إجراء؟ اذكر رقمه، مثل `إجراء تم ٣`.
action-unknown = لا يوجد إجراء رقم { $number } في هذا المجتمع. يعرضها `الإجراءات الكل`.
action-not-yours = الإجراء رقم { $number } ليس لك: لا يغيّره إلا المسؤولون عنه والميسّرون.
action-closed = الإجراء رقم { $number } { action-status } بالفعل؛ لم يعد قابلًا للتغيير.
action-note-missing = أضف كلمات قليلة بعد الرقم، مثل `إجراء { $verb ->
    [progress] تقدم
   *[blocked] متعثر
} { $number } بانتظار بيانات الأمطار`.
action-due-missing = اذكر الموعد الجديد، مثل `إجراء موعد { $number } الخميس القادم`.
action-reassign-missing = أشِر بـ @ إلى المسؤول الجديد، مثل `إجراء إسناد { $number } @عمر`.
action-reassign-facilitators = لا يستطيع إسناد الإجراء رقم { $number } إلى شخص آخر إلا أحد الميسّرين؛ اطلب ذلك منه، أو سجّل تقدمك بدلًا من ذلك.
group-unknown = لا توجد مجموعة عمل مفتوحة باسم «{ $name }».

## إشعار خاص للمسؤول الجديد (تُرسله التذكيرات)
action-assigned = { address-assigned-to-you } الإجراء رقم { $number } من { $by }: { $text }

## التقرير
actions-report = نقاط العمل { $period ->
    [quarter] في هذا الربع ({ $start } – { $end })
    [year] في هذا العام ({ $start } – { $end })
   *[all] منذ البداية
}
report-empty = لم تُسجَّل أي نقاط عمل في هذه الفترة.
report-by-organisation = حسب المنظمة
report-by-group = حسب مجموعة العمل
report-by-quarter = حسب ربع التسجيل
report-figures = مفتوحة { $open } · منجزة { $done } · متأخرة { $overdue } · نسبة الإنجاز { $completion } · وسيط التأخير { $late } يوم
report-figures-never-late = مفتوحة { $open } · منجزة { $done } · متأخرة { $overdue } · نسبة الإنجاز { $completion }
report-total = كل الإجراءات
report-none = —
report-note = «نسبة الإنجاز» = المنجزة ÷ (المنجزة + المفتوحة)؛ و«وسيط التأخير» بالأيام للإجراءات المنجزة التي كان لها موعد استحقاق.
report-quarter = الربع { $quarter } من { $year }
report-download = تنزيل بصيغة CSV
link-refused = هذا الرابط لم يعد صالحًا (انتهت مدته، أو أُنشئ لشخص لم يعد ميسّرًا). اطلب من تنسيق تقريرًا جديدًا.
report-period-unknown = «{ $given }» ليست فترة معروفة. استخدم `الإجراءات تقرير ربع` أو `الإجراءات تقرير سنة` أو `الإجراءات تقرير` فقط.

## النموذج (`إجراء إضافة` بلا تفاصيل)
action-form = نقطة عمل جديدة
action-form-text = ما المطلوب عمله؟
action-form-text-placeholder = مثال: مشاركة بيانات محفزات الفيضانات مع الجمعيات الوطنية
action-form-owners = المسؤولون
action-form-due = موعد الاستحقاق (اختياري)
action-form-group = مجموعة العمل (اختياري)
action-form-no-group = بلا مجموعة
action-form-submit = سجّل الإجراء

## الصفحات والقوائم الطويلة
actions-page-usage = «{ $given }» ليست صفحة من القائمة: { $pages ->
    [one] للقائمة صفحة واحدة، فاحذف الرقم
   *[other] صفحاتها من ١ إلى { $pages }
}.
actions-more-button = الصفحة التالية ({ $next } من { $pages })
action-list-cut = مختصر: يعرضه `إجراء { $number }` كاملًا.
action-form-owners-search = اكتب اسمًا للبحث عن أعضاء آخرين.
