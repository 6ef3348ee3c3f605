## What a form's date and time fields expect, shown in the field while it is empty (Teams draws the picker in its
## own language; the placeholder says the format in the reader's)
form-date-placeholder = Pick a day (day/month/year, e.g. 15/01/2027)
form-time-placeholder = Pick a time (24-hour clock, e.g. 14:30)
