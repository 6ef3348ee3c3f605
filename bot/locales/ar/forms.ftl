## What a form's date and time fields expect, shown in the field while it is empty (Teams draws the picker in its
## own language; the placeholder says the format in the reader's)
form-date-placeholder = اختر اليوم (يوم/شهر/سنة، مثل ١٥/٠١/٢٠٢٧)
form-time-placeholder = اختر الوقت (بنظام ٢٤ ساعة، مثل ١٤:٣٠)
