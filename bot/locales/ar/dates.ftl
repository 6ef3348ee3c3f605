## التواريخ والمدد والتكرار كما يكتبها الأعضاء (dialogs/common/dates.py و dialogs/meetings/recurrence.py)
date-unreadable = لم يفهم تنسيق «{ $given }» كتاريخ ووقت. اكتب مثلًا `غدًا الساعة ٣ مساءً` أو `١٥ ديسمبر ١٤:٠٠`.
date-in-past = «{ $given }» يعني { $when }، وهذا وقت مضى. اكتب وقتًا قادمًا، مثلًا `غدًا الساعة ٣ مساءً` أو `١٥ ديسمبر ١٤:٠٠`.
date-too-far = «{ $given }» أبعد من { $years } سنوات؛ اذكر تاريخًا أقرب.
day-in-past = «{ $given }» يوم مضى. اكتب اليوم أو يومًا بعده، مثلًا `الجمعة القادمة` أو `٣١ مارس`.
day-in-future = «{ $given }» لم يأتِ بعد. اكتب يومًا مضى، مثلًا `١ نوفمبر ٢٠٢٦` أو `الاثنين الماضي`.
duration-unreadable = لم يفهم تنسيق «{ $given }» كمدة. اكتب مثلًا `ساعة ونصف` أو `٩٠ دقيقة`.
recurrence-unreadable = لم يفهم تنسيق «{ $given }» كتكرار. اكتب مثلًا `كل أسبوعين` أو `ثاني ثلاثاء من كل شهر`.

## كيف تتكرر سلسلة اجتماعات
recurrence-weekday = { $day ->
    [MO] الاثنين
    [TU] الثلاثاء
    [WE] الأربعاء
    [TH] الخميس
    [FR] الجمعة
    [SA] السبت
   *[SU] الأحد
}
recurrence-nth-weekday = { $position ->
    [1] أول
    [2] ثاني
    [3] ثالث
    [4] رابع
   *[-1] آخر
} { $day ->
    [MO] اثنين
    [TU] ثلاثاء
    [WE] أربعاء
    [TH] خميس
    [FR] جمعة
    [SA] سبت
   *[SU] أحد
}
recurrence-daily = { $interval ->
    [one] كل يوم
    [two] كل يومين
    [few] كل { $interval } أيام
    [many] كل { $interval } يومًا
   *[other] كل { $interval } يوم
}
recurrence-weekly = { $interval ->
    [one] كل أسبوع
    [two] كل أسبوعين
    [few] كل { $interval } أسابيع
    [many] كل { $interval } أسبوعًا
   *[other] كل { $interval } أسبوع
}
recurrence-weekly-on = { $interval ->
    [one] كل يوم { recurrence-weekday }
    [two] كل أسبوعين يوم { recurrence-weekday }
    [few] كل { $interval } أسابيع يوم { recurrence-weekday }
    [many] كل { $interval } أسبوعًا يوم { recurrence-weekday }
   *[other] كل { $interval } أسبوع يوم { recurrence-weekday }
}
recurrence-monthly = { $interval ->
    [3] كل ربع سنة
    [one] كل شهر
    [two] كل شهرين
    [few] كل { $interval } أشهر
    [many] كل { $interval } شهرًا
   *[other] كل { $interval } شهر
}
recurrence-monthly-on = { $interval ->
    [one] { recurrence-nth-weekday } من كل شهر
    [two] { recurrence-nth-weekday } من كل شهرين
    [few] { recurrence-nth-weekday } من كل { $interval } أشهر
    [many] { recurrence-nth-weekday } من كل { $interval } شهرًا
   *[other] { recurrence-nth-weekday } من كل { $interval } شهر
}
recurrence-quarterly-on = { recurrence-nth-weekday } من كل ربع سنة
recurrence-yearly = { $interval ->
    [one] كل سنة
    [two] كل سنتين
    [few] كل { $interval } سنوات
    [many] كل { $interval } سنةً
   *[other] كل { $interval } سنة
}

## وقت في منشور القناة، مع اسم منطقته الزمنية (bot/i18n.py zones_named)
time-zone-named = (بتوقيت { $city })
