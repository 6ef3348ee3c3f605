## charts on cards (bot/cards/charts.py): titles, and the labels of their bars and segments

chart-plan-title = التقدّم في كل هدف
chart-objective = الهدف { $number }
chart-done = منجز
chart-open = مفتوح
chart-overdue = متأخر
chart-completion-organisation = نسبة الإنجاز لكل منظمة
chart-completion-quarter = نسبة الإنجاز لكل ربع
chart-attendance-title = الحضور
chart-present = حاضر
chart-absent = غائب
chart-votes-title = الإجابات حتى الآن
chart-votes-closed-title = النتائج
