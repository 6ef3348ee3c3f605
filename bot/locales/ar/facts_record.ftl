## الحقائق الحية: السجل — القرارات والمحاضر

## مصدر قرار اتُّخذ بلا اجتماع (تحت الجواب)
answer-source-decision-endorsed = القرار رقم { $number } — أيّده الأعضاء في { $day }
answer-source-decision-poll = القرار رقم { $number } — نتيجة استطلاع للأعضاء، { $day }
answer-source-decision-outside = القرار رقم { $number } — سُجّل خارج الاجتماعات في { $day }

## ما قرره آخر اجتماع
fact-last-decisions = { $count ->
    [one] ما تقرر في { $meeting } يوم { $day }:
    [two] القراران المتخذان في { $meeting } يوم { $day }:
   *[other] القرارات المتخذة في { $meeting } يوم { $day } ({ $count }):
}
fact-last-decisions-earlier = محضر آخر اجتماع، { $pending } يوم { $pending_day }، لم يُنشر بعد. { $count ->
    [one] ما تقرر في الاجتماع الذي سبقه، { $meeting } يوم { $day }:
   *[other] القرارات المتخذة في الاجتماع الذي سبقه، { $meeting } يوم { $day } ({ $count }):
}
fact-no-meeting-held = لم يُعقد أي اجتماع بعد، فلا قرارات اجتماعات حتى الآن.
fact-last-minutes-unpublished = محضر آخر اجتماع، { $meeting } يوم { $day }، لم يُنشر بعد. ستجد قراراته هنا بعد نشره.
fact-no-decisions-recorded = لم يُسجَّل أي قرار في آخر اجتماع، { $meeting } يوم { $day }. محضره: `محضر { $number }`.

## ما تقرر بشأن موضوع
fact-decisions-about = { $count ->
    [one] أقرب قرار إلى «{ $topic }»:
   *[other] أقرب القرارات إلى «{ $topic }»:
}
fact-no-decision-about = لم أجد قرارًا مسجّلًا بشأن «{ $topic }». يستطيع أحد الميسّرين إفادتك: اكتب `اسأل` ثم سؤالك.
fact-decisions-about-what = عن أي موضوع تسأل؟ اسأل مثلًا: «ماذا قررنا بشأن الاختصاصات؟»

## ما تقوله المحاضر عن موضوع
fact-minutes-about = { $count ->
    [one] ما تقوله المحاضر المنشورة عن «{ $topic }»:
   *[other] ما تقوله محاضر الاجتماعات المنشورة عن «{ $topic }»:
}
fact-no-minutes-about = لم أجد في المحاضر المنشورة التي يمكنك قراءتها شيئًا عن «{ $topic }».
fact-minutes-about-what = عن أي موضوع تسأل؟ اسأل مثلًا: «ماذا ورد في المحضر عن الاستجابة للفيضانات؟»
