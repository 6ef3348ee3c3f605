## محضر الاجتماع المنشور ملفًا بصيغة Markdown أو Word (bot/files/minutes_files.py)
minutes-doc-title = محضر الاجتماع: { $title }
minutes-doc-meeting = { $kind ->
    [plenary] الاجتماع العام
    [follow-up] اجتماع المتابعة
    [face-to-face] الاجتماع الحضوري
    [working-group] اجتماع مجموعة العمل
   *[other] الاجتماع
} رقم { $number } · { $community }
minutes-doc-when = { $when } (بتوقيت { $zone })
minutes-doc-place = المكان: { $place }
minutes-doc-link = رابط الانضمام عبر الإنترنت: { $link }
minutes-doc-none = لا يوجد.

## الأقسام
minutes-doc-attendees = الحضور ({ $count })
minutes-doc-names = { $names }
minutes-doc-summary = الملخص
minutes-doc-agenda = جدول الأعمال
minutes-doc-decisions = القرارات
minutes-doc-actions = نقاط العمل

## البنود والقرارات ونقاط العمل
minutes-doc-item = البند { $number }: { $title }
minutes-doc-submitter = اقترحه { $submitter }
minutes-doc-presenter = عرضه { $presenter }
minutes-doc-outcome = { $outcome ->
    [discussed] نوقش
   *[carried] لم يُناقش، ورُحّل إلى الاجتماع التالي
}
minutes-doc-decision = القرار { $number }:
minutes-doc-decision-item = بشأن البند { $number }
minutes-doc-action = الإجراء { $number }:
minutes-doc-owners = المسؤولون: { $owners }
minutes-doc-due = موعد الاستحقاق: { $day }
minutes-doc-no-due = بلا موعد استحقاق

## التذييل
minutes-doc-published = نُشر في { $day }
minutes-doc-approved = اعتمده { $names }
