## كلمات مشتركة
role-name = { $role ->
    [admin] مشرف
    [facilitator] ميسّر
   *[member] عضو
}
lang-name = { $lang ->
    [ar] العربية
    [en] الإنجليزية
   *[auto] تلقائية (حسب إعدادات Teams)
}
guest-mark = (ضيف)

## المساعدة
help-title = ما يمكنك طلبه من تنسيق
help-intro = { $gender ->
    [f] أنتِ { $role ->
        [admin] مشرفة
        [facilitator] ميسّرة
       *[member] عضوة
    }
    [m] أنتَ { $role ->
        [admin] مشرف
        [facilitator] ميسّر
       *[member] عضو
    }
   *[other] أنت { $role ->
        [admin] من المشرفين
        [facilitator] من الميسّرين
       *[member] عضو
    }
} في هذا المجتمع. أكثر ما ستستعمله ({ $gender ->
    [f] اكتبيه
    [m] اكتبه
   *[other] يُكتب
} مع «/» أو بدونها):
help-cmd-help = **مساعدة** — الأوامر اليومية، وكل الأوامر حسب الموضوع. مثال: `مساعدة` · `مساعدة الاجتماعات` · `مساعدة محضر`
help-cmd-lang = **لغة** — اختر العربية أو الإنجليزية. مثال: `لغة en`
help-cmd-tz = **توقيت** — منطقتك الزمنية للمواعيد والتذكيرات: مدينة أو بلد أو اسم بصيغة المنطقة/المدينة. مثال: `توقيت عمّان`
help-cmd-whoami = **من أنا** — ما يعرفه تنسيق عنك. مثال: `من أنا`
help-cmd-members = **الأعضاء** — من في المجتمع. مثال: `الأعضاء`
help-cmd-role = **دور** — اجعل أحد الأعضاء ميسّرًا أو عضوًا. مثال: `دور @عمر ميسر`
help-cmd-privacy = **الخصوصية** — ما يحفظه تنسيق عنك، ولماذا، ومن يراه، وإلى متى؛ وللميسّرين: `الخصوصية المراجعة` (من يرى ماذا)؛ وللمشرفين: `الخصوصية الاحتفاظ السجل ٣٦٥`. مثال: `الخصوصية`
help-cmd-audit = **السجل** — من غيّر ماذا، والقيم قبل التغيير وبعده (للميسّرين). مثال: `السجل @عمر منذ ١ نوفمبر` · `السجل إجراءات`
help-cmd-forget = **احذف بياناتي** — امحُ ما يحفظه تنسيق عنك (بعد أن تؤكّد)؛ وللمشرفين: `احذف بيانات <الاسم>` لمن غادر. مثال: `احذف بياناتي`
help-cmd-mydata = **بياناتي** — كل ما يحفظه تنسيق عنك: ملخّص، ورابط لتنزيله كله (JSON). مثال: `بياناتي`
help-footer = والباقي تحت المواضيع أدناه، أو اكتب `مساعدة الاجتماعات`. أي رسالة أخرى تكتبها تُعدّ سؤالًا للمجتمع.
help-topic-title = مساعدة: { $topic ->
    [meetings] الاجتماعات
    [agenda] جدول الأعمال
    [actions] الإجراءات
    [questions] الأسئلة
    [groups] مجموعات العمل والخطة
    [votes] التصويت
   *[settings] أنت وإعداداتك
}
help-topic-intro = ما يمكنك فعله هنا { $gender ->
    [f] { $role ->
        [admin] مشرفةً
        [facilitator] ميسّرةً
       *[member] عضوةً
    }
    [m] { $role ->
        [admin] مشرفًا
        [facilitator] ميسّرًا
       *[member] عضوًا
    }
   *[other] { $role ->
        [admin] في الإشراف
        [facilitator] في التيسير
       *[member] عضوًا
    }
}:
help-topic-footer = يعرض `مساعدة` الأوامر اليومية من جديد.
help-topic-button = { $topic ->
    [meetings] الاجتماعات
    [agenda] جدول الأعمال
    [actions] الإجراءات
    [questions] الأسئلة
    [groups] المجموعات
    [votes] التصويت
   *[settings] الإعدادات
}
help-everyday-button = اليومية
help-topic-unknown = لا مساعدة عندي عن «{ $given }». المواضيع: الاجتماعات، جدول الأعمال، الإجراءات، الأسئلة، المجموعات، التصويت، الإعدادات — مثلًا `مساعدة الاجتماعات`، أو أمر: `مساعدة محضر`.
help-switch-ar = العربية
help-switch-en = English

## اللغة
lang-choose = بأي لغة تريد أن يحدّثك تنسيق؟
lang-set = تم: سيجيبك تنسيق باللغة { lang-name }.
lang-unknown = «{ $given }» ليست لغة يتحدثها تنسيق. اكتب `لغة ar` للعربية أو `لغة en` للإنجليزية.

## المنطقة الزمنية
tz-current = تظهر مواعيدك بتوقيت { $zone }. لتغييره اكتب مثلًا `توقيت عمّان` أو `توقيت تونس`.
tz-set = تم: ستظهر مواعيدك الآن بتوقيت { $zone }.
tz-unknown = «{ $given }» ليست منطقة زمنية يعرفها تنسيق. اكتب اسم مدينة أو بلد، مثل `توقيت عمّان` أو `توقيت تونس`، أو اسمًا بصيغة المنطقة/المدينة مثل `توقيت Africa/Cairo`.

## من أنا
whoami = **{ $name }** — { role-title } في { $community }.
    اللغة: { lang-name } · المنطقة الزمنية: { $zone } · صيغة المخاطبة: { address-name } (`لقبي`)
    مجموعات العمل: { $group_count ->
        [0] لا توجد بعد
       *[other] { $groups }
    }

## الأعضاء
members-title = { $count ->
    [zero] لا يوجد أعضاء في المجتمع
    [one] في المجتمع عضو واحد
    [two] في المجتمع عضوان
    [few] في المجتمع { $count } أعضاء
    [many] في المجتمع { $count } عضوًا
   *[other] في المجتمع { $count } عضو
}
members-page = الصفحة { $page } من { $pages } — اكتب `الأعضاء { $next }` للمزيد.
members-page-unknown = لا توجد صفحة { $page }: { $pages ->
    [one] في القائمة صفحة واحدة
    [two] في القائمة صفحتان
    [few] في القائمة { $pages } صفحات
    [many] في القائمة { $pages } صفحة
   *[other] في القائمة { $pages } صفحة
}.

## الأدوار
role-set = { $name } الآن { role-title }.
role-unchanged = { $name } { role-title } بالفعل.
role-usage = اذكر الشخص والدور، مثل `دور @عمر ميسر` أو `دور @عمر عضو`.
role-unknown-value = «{ $given }» ليس دورًا. استخدم `ميسر` أو `عضو`.
role-not-self = لا يمكنك تغيير دورك بنفسك؛ اطلب ذلك من ميسّر آخر.
role-admin-fixed = { $name } { role-title }؛ يُحدَّد المشرفون عند تثبيت تنسيق أو في إعداداته.
member-not-found = لا يوجد عضو نشط باسم «{ $name }». تحقّق من الاسم بالأمر `الأعضاء` أو أشِر إليه بـ @.
member-ambiguous = { $count ->
    [two] عضوان يطابقان
    [few] { $count } أعضاء يطابقون
    [many] { $count } عضوًا يطابقون
   *[other] { $count } عضو يطابقون
} «{ $name }». أشِر بـ @ إلى من تقصده.

## الرفض والأخطاء
not-facilitator = عذرًا، هذا الأمر للميسّرين فقط. اكتب `مساعدة` لترى ما يمكنك فعله.
visible-in-private-chat = هذا يخص مجموعة عمل أو الميسّرين، وكل من هنا سيقرأ جوابي. اسألني في محادثتنا الخاصة.
group-members-only = لا يفعل هذا لمجموعة «{ $group }» إلا أعضاؤها. اطلب من أحد الميسّرين إضافتك، أو اترك المجموعة.
unknown-command = «{ $given }» ليس أمرًا من أوامر تنسيق. اكتب `مساعدة` لترى الأوامر.
unknown-command-suggest = «{ $given }» ليس أمرًا من أوامر تنسيق. هل تقصد `{ $suggestion }`؟
empty-message = رسالتك فارغة. اكتب `مساعدة` لترى ما يستطيع تنسيق فعله.
text-too-long = رسالتك طويلة جدًا ({ $length } { $length ->
    [few] أحرف
    [many] حرفًا
   *[other] حرف
})؛ اجعلها أقل من { $limit } حرف من فضلك.
card-data-invalid = لم يتمكن تنسيق من قراءة إجابة البطاقة. اكتب الأمر بدلًا منها، أو `مساعدة`.
already-handled = تمّ ذلك من قبل: وصل هذا إلى تنسيق مرّة واحدة.
turn-error = عذرًا، حدث خطأ من جهة تنسيق. حاول مرة أخرى؛ وإن تكرر فأبلغ أحد الميسّرين (المرجع { $error_id }).
busy-try-again = تنسيق مشغول بطلبات كثيرة الآن، ولم يتغيّر شيء. حاول مرة أخرى بعد لحظات.

## الغرباء (تُرسل باللغتين لأن المرسل غير معروف)
stranger = هذا المساعد خاص بمجتمع مغلق، واسمك ليس في قائمة أعضائه، لذا لا يستطيع مساعدتك هنا. إن كان ينبغي أن تكون عضوًا فاطلب من أحد الميسّرين إضافتك إلى الفريق.
foreign-tenant = هذا المساعد يخدم مجتمع مؤسسته فقط، ولا يمكن استخدامه هنا.
group-chat-outsiders = تضم هذه المحادثة أشخاصًا ليسوا أعضاء في المجتمع، لذلك لا يشارك تنسيق شيئًا هنا. راسل تنسيق في قناة المجتمع أو في محادثة خاصة.
not-installed = تنسيق غير مُعدّ في هذا الفريق. يستطيع مالك الفريق إضافته من تطبيقات Teams.

## الترحيب
welcome-team = مرحبًا! أنا تنسيق، مساعد { $community }. أجمع بنود جدول الأعمال وأسجّل نقاط العمل وأنشر تذكيرات الاجتماعات. أشِر إليّ مع `مساعدة` لترى ما أستطيع فعله.
welcome-personal = مرحبًا { $name }! أنا تنسيق، مساعد مجتمعك. { $gender ->
    [m] اكتب `مساعدة` لترى ما أستطيع فعله، أو `lang en` للحديث بالإنجليزية.
    [f] اكتبي `مساعدة` لتري ما أستطيع فعله، أو `lang en` للحديث بالإنجليزية.
   *[other] يعرض الأمر `مساعدة` ما أستطيع فعله، ويجعل `lang en` حديثنا بالإنجليزية.
}

## الحجم: يقبل Teams الرسائل حتى حجم معين
message-shortened = هذه الرسالة أطول مما يقبله Teams، فلم يُعرض آخرها.
members-page-usage = «{ $given }» ليست صفحة من القائمة: { $pages ->
    [one] للقائمة صفحة واحدة، فاكتب `الأعضاء` فقط
   *[other] صفحاتها من `الأعضاء ١` إلى `الأعضاء { $pages }`
}.
members-more-button = الصفحة التالية ({ $next } من { $pages })
forget-confirm = هل تُمحى بيانات { $name }؟ لن يحدث شيء قبل أن تضغط الزر.
forget-title = محو بيانات { $name }؟
forget-removes = يُمحى: الاسم والبريد الإلكتروني ومعرّفا مايكروسوفت وTeams واللغة والمنطقة الزمنية وعضوية مجموعات العمل والرسائل التي تنتظر الإرسال، وكل ذكر للاسم في نصوص الآخرين.
forget-keeps = يبقى باسم «عضو سابق»: بنود جدول الأعمال والإجراءات والقرارات والمحاضر والأسئلة والأصوات (ويبقى السري منها سريًا)، لتبقى سجلات المجتمع وأعداده كاملة. لا يمكن التراجع عن المحو.
forget-cancel-hint = غيّرت رأيك؟ تجاهل هذه البطاقة فحسب.
forget-button = امحُ هذه البيانات
forget-done = تمّ: مُحيت البيانات الشخصية. ويظهر صاحبها في السجلات المشتركة باسم «عضو سابق».
forget-admins-only = لا يمحو بيانات غيرك إلا المشرفون، وبعد مغادرته فقط. لمحو بياناتك اكتب `احذف بياناتي`.
forget-still-member = { $name } ما زال عضوًا: يمحو بياناته بنفسه بالأمر `احذف بياناتي`؛ ويمحو المشرفون بيانات من غادر.
forget-already-done = مُحيت هذه البيانات من قبل.
forget-who = لا أحد باسم «{ $name }» في سجل هذا المجتمع، لا حاليًا ولا سابقًا. يعرض `الأعضاء` الأعضاء الحاليين.
privacy = ما يحفظه تنسيق عنك، ومن يراه.
privacy-title = بياناتك في { $community }
privacy-stored-head = ما أحفظه عنك
privacy-stored = اسمك، ومعرّفاك في مايكروسوفت وTeams، { $email ->
    [yes] وبريدك الإلكتروني،
   *[other] (ولا بريد إلكتروني: لم يعطني Teams بريدك)،
} ودورك، ولغتك ومنطقتك الزمنية (من Teams أو كما اخترتها).
privacy-activity-head = ما تفعله هنا
privacy-activity = بنود جدول الأعمال التي تقترحها، والإجراءات المسندة إليك، وأصواتك (في الاستطلاع السري لا يرى أحد من صوّت بماذا)، والأسئلة التي تطرحها، وسجل التغييرات: من غيّر ماذا ومتى.
privacy-why-head = لماذا
privacy-why = لتنسيق عمل { $community } فقط: الاجتماعات وجدول الأعمال والإجراءات والتذكيرات والأجوبة. ولا يخرج شيء منه عن هذا المجتمع.
privacy-who-head = من يراه
privacy-who = يرى كل أعضاء المجتمع ما يخصّ المجتمع كله؛ وما يخصّ مجموعة عمل يراه أعضاؤها فقط؛ والبنود السرية يراها الميسّرون فقط؛ وما تسألني عنه في محادثتنا الخاصة تراه أنت وحدك، والميسّرون إن أرسلت إليهم سؤالًا. { $admins ->
    [none] {""}
   *[other] المشرفون: { $admins }.{" "}
}{ $facilitators ->
    [zero] لا ميسّرين.
    [one] ميسّر واحد.
    [two] ميسّران.
    [few] { $facilitators } ميسّرين.
    [many] { $facilitators } ميسّرًا.
   *[other] { $facilitators } ميسّر.
}
privacy-groups-head = مجموعات عملك
privacy-no-groups = لا شيء بعد.
privacy-how-long-head = إلى متى
privacy-how-long = ما دمت عضوًا، وفي سجلات المجتمع بعد مغادرتك، إلى أن تمحوها أنت أو أحد المشرفين (يمحو الأمر `احذف بياناتي` اسمك ومعرّفاتك من كل مكان ويترك «عضو سابق» في السجلات المشتركة). وبعض السجلات يُحذف قبل ذلك:
privacy-kept-kind = { $kind ->
    [reminders] الرسائل التي أرسلتها إليك
    [questions] من طرح سؤالًا (بعد إغلاقه)
    [tickets] الأسئلة المغلقة
   *[audit] سجل التغييرات
}
privacy-kept-days = { $days ->
    [0] تُحفظ دائمًا
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
}
privacy-answers-not-kept = الأسئلة التي أجيب عنها بنفسي لا تُحفظ. ويعطيك الأمر `بياناتي` نسخة من كل شيء.
privacy-mydata-button = نزّل بياناتي
privacy-admins-only = لا يغيّر إعدادات الخصوصية إلا مشرفو المجتمع. يعرضها الأمر `الخصوصية`.
privacy-retention-usage = اكتب `الخصوصية الاحتفاظ <النوع> <الأيام>`: النوع هو التذكيرات أو الأسئلة أو التذاكر أو السجل، و`دائما` يحفظها دائمًا. مثال: `الخصوصية الاحتفاظ السجل ٣٦٥`
privacy-retention-set = { $kind ->
    [reminders] الرسائل المرسلة
    [questions] أسماء من طرحوا أسئلة
    [tickets] الأسئلة المغلقة
   *[audit] قيود سجل التغييرات
} { $days ->
    [0] تُحفظ الآن دائمًا.
    [one] تُحفظ الآن يومًا واحدًا.
    [two] تُحفظ الآن يومين.
    [few] تُحفظ الآن { $days } أيام.
    [many] تُحفظ الآن { $days } يومًا.
   *[other] تُحفظ الآن { $days } يوم.
} ويُحذف الأقدم منها خلال ساعة.
privacy-review-usage = اكتب `الخصوصية المراجعة كل <الأشهر>` (من ١ إلى ١٢٠)، أو `الخصوصية المراجعة كل أبدا` لإيقافها. مثال: `الخصوصية المراجعة كل ١٢`
privacy-review-set = { $months ->
    [0] لن يُذكَّر الميسّرون بعد الآن بمراجعة إعدادات المشاركة.
    [one] سيُذكَّر الميسّرون بمراجعة إعدادات المشاركة كل شهر.
    [two] سيُذكَّر الميسّرون بمراجعة إعدادات المشاركة كل شهرين.
    [few] سيُذكَّر الميسّرون بمراجعة إعدادات المشاركة كل { $months } أشهر.
    [many] سيُذكَّر الميسّرون بمراجعة إعدادات المشاركة كل { $months } شهرًا.
   *[other] سيُذكَّر الميسّرون بمراجعة إعدادات المشاركة كل { $months } شهر.
}
mydata = كل ما أحفظه عنك.
mydata-title = ما أحفظه عن { $name }
mydata-intro = ملفك (الاسم والمعرّفات والبريد والدور واللغة والمنطقة الزمنية)، و:
mydata-section = { $section ->
    [groups] مجموعات العمل
    [agenda_items] بنود اقترحتها أو تعرضها
    [actions] إجراءات مسندة إليك أو سجّلتها
    [action_notes] ملاحظاتك على الإجراءات
    [votes] إجاباتك في التصويت
    [proposals] تصويتات بدأتها
    [decisions] قرارات سجّلتها
    [faq_entries] أسئلة شائعة كتبتها
    [questions] أسئلة أرسلتها
    [meetings_attended] اجتماعات حضرتها
    [registrations] اجتماعات سجّلت فيها
    [bulletin_notes] فقرات كتبتها للنشرة
    [mail_choices] ما تتلقاه بالبريد الإلكتروني
    [audit] تغييرات قمت بها أو تخصّك
   *[messages] رسائل إليك
}
mydata-count = { $count }
mydata-link-note = الرابط لك وحدك ويعمل { $hours } ساعة. ينزّل ملف JSON؛ وفي الاستطلاع السري يذكر فقط أنك أجبت.
mydata-download = نزّل (JSON)
mydata-no-link = لا عنوان لهذا البوت للتنزيل بعد (PUBLIC_BASE_URL): اسأل أحد المشرفين.
mydata-sent-privately = أرسلتها إلى محادثتنا الخاصة: ما أحفظه عنك لك وحدك.
sharing-review = من يرى ماذا في هذا المجتمع.
sharing-review-due = حان موعد المراجعة الدورية: هل ما زال كل شيء يصل إلى من يجب أن يراه فقط؟
sharing-review-title = إعدادات المشاركة في { $community }
sharing-review-rule = ما يخصّ المجتمع كله: يراه الجميع، والضيوف أيضًا. ما يخصّ مجموعة عمل: أعضاؤها. البنود السرية: الميسّرون والمشرفون. وما يخصّ شخصًا: يراه هو أيضًا.
sharing-review-members = الأعضاء
sharing-review-admins = المشرفون
sharing-review-facilitators = الميسّرون
sharing-review-guests = الضيوف
sharing-review-confidential = البنود والقرارات السرية
sharing-review-nobody = لا أحد
sharing-review-groups-head = { $count ->
    [0] لا مجموعات عمل
    [one] مجموعة عمل واحدة
    [two] مجموعتا عمل
    [few] { $count } مجموعات عمل
    [many] { $count } مجموعة عمل
   *[other] { $count } مجموعة عمل
}
sharing-review-group-members = { $count ->
    [0] لا أعضاء
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوًا
   *[other] { $count } عضو
}
sharing-review-when = { $months ->
    [0] لا مراجعة دورية.
    [one] تُراجع كل شهر.
    [two] تُراجع كل شهرين.
    [few] تُراجع كل { $months } أشهر.
    [many] تُراجع كل { $months } شهرًا.
   *[other] تُراجع كل { $months } شهر.
} آخر مراجعة: { $last }.
sharing-review-never = لم تحدث بعد
sharing-review-how-to-change = للتغيير: `دور @الاسم عضو` · `الخصوصية الاحتفاظ السجل ٣٦٥` · `الخصوصية المراجعة كل ١٢`.
sharing-review-done-button = راجعتها: لا تغيير
sharing-reviewed = شكرًا: سُجّلت المراجعة. يأتي التذكير التالي في { $day }.
sharing-reviewed-no-next = شكرًا: سُجّلت المراجعة.
privacy-forget-button = امحُ بياناتي…
privacy-first-turn = يحفظ تنسيق اسمك ومعرّفاتك في Teams وما تفعله هنا لتنسيق عمل { $community } فقط. اكتب `الخصوصية` لتعرف المزيد، و`احذف بياناتي` لمحوها.
audit = سجل التغييرات: { $count } قيدًا.
audit-title = { $count ->
    [zero] لا تغييرات
    [one] تغيير واحد
    [two] تغييران
    [few] { $count } تغييرات
    [many] { $count } تغييرًا
   *[other] { $count } تغيير
}{ $member ->
    [none] {""}
   *[other] {" "}من { $member } أو عنه
}، الأحدث أولًا
audit-since = منذ { $day }
audit-empty = لا تغييرات تطابق ما طلبت.
audit-by-tansiq = تنسيق
audit-change = { $before } ← { $after }
audit-page = الصفحة { $page } من { $pages }.
audit-older-button = تغييرات أقدم
audit-usage = اكتب `السجل`، أو ضيّقه: `السجل @عمر`، `السجل إجراءات`، `السجل منذ ١ نوفمبر`، `السجل جدول منذ الاثنين الماضي`.
audit-page-unknown = لا توجد صفحة { $page }: في السجل الآن { $pages } صفحات. اكتب `السجل` من جديد.
audit-action = { $action ->
    [agenda-added] اقترح بندًا لجدول الأعمال
    [agenda-accept] قبل بندًا
    [agenda-defer] أجّل بندًا
    [agenda-remove] حذف بندًا
    [agenda-ordered] رتّب جدول الأعمال
    [action-created] سجّل إجراءً
    [action-done] أنجز إجراءً
    [action-progress] أبلغ عن تقدّم
    [action-blocked] أشار إلى تعثّر إجراء
    [action-due] غيّر موعد استحقاق
    [action-reassign] أسند إجراءً إلى غيره
    [action-cancel] ألغى إجراءً
    [action-plan] ربط إجراءً بالخطة
    [meeting-created] خطّط لاجتماع
    [meeting-moved] نقل اجتماعًا
    [meeting-cancelled] ألغى اجتماعًا
    [meeting-occurrence-cancelled] ألغى اجتماعًا من سلسلة
    [meeting-closed] أغلق اجتماعًا
    [decision-added] سجّل قرارًا
    [minutes-edited] عدّل محضرًا
    [minutes-published] نشر محضرًا
    [member-role] غيّر دورًا
    [member-language] غيّر اللغة
    [member-timezone] غيّر المنطقة الزمنية
    [member-erased] محا بيانات عضو
    [roster-sync] حدّث سجل الأعضاء من Teams
    [roster-remove] أزال من غادروا
    [group-created] أنشأ مجموعة عمل
    [group-edited] عدّل مجموعة عمل
    [group-joined] انضم إلى مجموعة عمل
    [group-left] غادر مجموعة عمل
    [group-lead] سمّى قائد مجموعة
    [group-closed] أغلق مجموعة عمل
    [faq-added] أضاف سؤالًا شائعًا
    [faq-edited] عدّل سؤالًا شائعًا
    [faq-removed] حذف سؤالًا شائعًا
    [faq-imported] استورد أسئلة شائعة
    [ticket-opened] سأل الميسّرين
    [ticket-assigned] تولّى سؤالًا
    [ticket-answered] أجاب عن سؤال
    [ticket-closed] أغلق سؤالًا
    [ticket-reopened] أعاد فتح سؤال
    [ticket-faq] جعل سؤالًا من الأسئلة الشائعة
    [proposal-opened] فتح تصويتًا
    [proposal-answered] صوّت
    [proposal-closed] أغلق تصويتًا
    [plan-added] أضاف هدفًا إلى الخطة
    [plan-edited] عدّل هدفًا في الخطة
    [plan-removed] حذف هدفًا من الخطة
    [community-install] ثبّت تنسيق
    [community-reminder_settings] غيّر إعدادات التذكير
    [community-minutes_approvals] غيّر عدد موافقات المحضر
    [community-retention] غيّر مدة الاحتفاظ بالسجلات
    [community-sharing_review] غيّر موعد مراجعة المشاركة
    [community-sharing_reviewed] راجع إعدادات المشاركة
    [retention-purged] حذف سجلات انتهت مدة الاحتفاظ بها
   *[other] { $action }
}
audit-object = { $type ->
    [agenda_item] البند { $id }
    [action] الإجراء { $id }
    [meeting] الاجتماع { $id }
    [meeting_occurrence] موعد الاجتماع { $id }
    [decision] القرار { $id }
    [member] العضو { $id }
    [working_group] المجموعة { $id }
    [faq_entry] السؤال الشائع { $id }
    [ticket] السؤال { $id }
    [proposal] التصويت { $id }
    [plan_objective] الهدف { $id }
    [community] المجتمع
   *[other] { $type } { $id }
}
audit-field = { $field ->
    [status] الحالة
    [text] النص
    [title] العنوان
    [start] البداية
    [summary] الملخص
    [due_on] الاستحقاق
    [owners] المسؤولون
    [role] الدور
    [timezone] المنطقة الزمنية
    [language] اللغة
    [lead] القائد
    [members] الأعضاء
    [added] أُضيف
    [deactivated] غادر
    [reactivated] عاد
    [question] السؤال
    [answer] الجواب
    [assignee] تولّاه
    [approvers] وافق
    [minutes_approvals] الموافقات المطلوبة
    [order] الترتيب
    [series] السلسلة
    [closed_at] أُغلق
    [tags] الوسوم
    [source] المصدر
    [versions] النسخ
    [number] الرقم
    [group_id] المجموعة
    [objective] الهدف
    [tenant_id] المستأجر
    [team_id] الفريق
    [installer] ثبّته
    [occurrence] موعد الاجتماع
    [kind] النوع
    [starts_at] يبدأ
    [rrule] التكرار
    [zone] المنطقة الزمنية
    [quiet] ساعات الهدوء
    [weekend] العطلة
    [digest] الملخص
    [link] الرابط
    [place] المكان
    [duration_minutes] المدة بالدقائق
   *[other] { $field }
}
