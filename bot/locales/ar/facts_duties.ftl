## الحقائق الحيّة: ما على الأعضاء (الإجراءات المتأخرة، موعد إجراء، التصويتات المنتظرة، الحضور)

fact-overdue-mine = { $count ->
    [one] إجراؤك المتأخر ({ $count })
   *[other] إجراءاتك المتأخرة ({ $count })
}
fact-overdue-all = { $count ->
    [one] إجراء متأخر ({ $count })
   *[other] الإجراءات المتأخرة ({ $count })
}
fact-overdue-none-mine = لا شيء متأخر عليك. الأمر `الإجراءات` يعرض إجراءاتك المفتوحة.
fact-overdue-none = لا يوجد إجراء مفتوح متأخر.

fact-action-due-mine = إجراءاتك المفتوحة ومواعيدها ({ $count })
fact-action-due-later = { $days ->
    [one] موعد الإجراء رقم { $number } في { $due }، أي غدًا. الحالة: { action-status }.
    [two] موعد الإجراء رقم { $number } في { $due }، بعد يومين. الحالة: { action-status }.
    [few] موعد الإجراء رقم { $number } في { $due }، بعد { $days } أيام. الحالة: { action-status }.
    [many] موعد الإجراء رقم { $number } في { $due }، بعد { $days } يومًا. الحالة: { action-status }.
   *[other] موعد الإجراء رقم { $number } في { $due }، بعد { $days } يوم. الحالة: { action-status }.
}
fact-action-due-today = موعد الإجراء رقم { $number } اليوم، { $due }. الحالة: { action-status }.
fact-action-overdue = { $days ->
    [one] كان موعد الإجراء رقم { $number } في { $due }: متأخر يومًا واحدًا. الحالة: { action-status }.
    [two] كان موعد الإجراء رقم { $number } في { $due }: متأخر يومين. الحالة: { action-status }.
    [few] كان موعد الإجراء رقم { $number } في { $due }: متأخر { $days } أيام. الحالة: { action-status }.
    [many] كان موعد الإجراء رقم { $number } في { $due }: متأخر { $days } يومًا. الحالة: { action-status }.
   *[other] كان موعد الإجراء رقم { $number } في { $due }: متأخر { $days } يوم. الحالة: { action-status }.
}
fact-action-due-none = ليس للإجراء رقم { $number } موعد استحقاق. الحالة: { action-status }. يستطيع مسؤولوه أو أحد الميسّرين تحديده بالأمر `إجراء موعد { $number } <التاريخ>`.
fact-action-due-closed = الإجراء رقم { $number } { $status ->
    [done] منجز
   *[cancelled] ملغى
} أصلًا: لم يعد له موعد.

fact-votes-open = { $count ->
    [one] تصويت واحد بانتظار إجابتك
    [two] تصويتان بانتظار إجابتك
    [few] { $count } تصويتات بانتظار إجابتك
   *[other] { $count } تصويتًا بانتظار إجابتك
}
fact-votes-none = لا يوجد تأييد أو استطلاع مفتوح الآن.
fact-votes-all-answered = لا يوجد تصويت بانتظارك: أجبت عن كل تأييد واستطلاع مفتوح. يعرضها الأمر `التصويتات` مع الإجابات حتى الآن.

fact-attendance-no-meeting = لم يُعقد أي اجتماع بعد.
fact-attendance = { $count ->
    [one] في اجتماع «{ $meeting }» بتاريخ { $when } سُجّل حضور شخص واحد: { $names }.
    [two] في اجتماع «{ $meeting }» بتاريخ { $when } سُجّل حضور شخصين: { $names }.
    [few] في اجتماع «{ $meeting }» بتاريخ { $when } سُجّل حضور { $count } أشخاص: { $names }.
   *[other] في اجتماع «{ $meeting }» بتاريخ { $when } سُجّل حضور { $count } شخصًا: { $names }.
}
fact-attendance-not-recorded = لم يُسجَّل الحضور في آخر اجتماع، «{ $meeting }» بتاريخ { $when }.
fact-attendance-none-recorded = لم يُسجَّل الحضور في أي اجتماع بعد.
fact-my-attendance = { $count ->
    [one] حضرتَ { $attended } من اجتماع واحد سُجّل فيه الحضور.
    [two] حضرتَ { $attended } من آخر اجتماعين سُجّل فيهما الحضور.
    [few] حضرتَ { $attended } من آخر { $count } اجتماعات سُجّل فيها الحضور.
   *[other] حضرتَ { $attended } من آخر { $count } اجتماعًا سُجّل فيها الحضور.
} { $present ->
    [yes] كنتَ حاضرًا في «{ $meeting }» بتاريخ { $when }.
   *[no] لم يكن اسمك في قائمة حضور «{ $meeting }» بتاريخ { $when }؛ يستطيع أحد الميسّرين تصحيحها بالأمر `حضر @الاسم`.
}
