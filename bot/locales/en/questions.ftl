## help
help-cmd-faq = **faq** — the community's frequently asked questions: `faq` lists them, `faq 3` shows one; facilitators `faq add`, `faq edit 3`, `faq remove 3`, or send a .csv or .jsonl file to import. Example: `faq add How do I join a working group? | Ask its lead or a facilitator. | tags groups`
help-cmd-ask = **ask** — send a question straight to the facilitators. Example: `ask Can partners outside the region attend the plenary?`
help-cmd-tickets = **tickets** — members’ questions waiting for an answer; also `tickets mine` and `tickets all`. Example: `tickets`
help-cmd-ticket = **ticket** — one question: `ticket 4`, `ticket take 4`, `ticket close 4`, `ticket faq 4` (turn its answer into an FAQ entry). Example: `ticket take 4`
help-cmd-answer = **answer** — answer a member’s question; the answer reaches them in their chat. Example: `answer 4 Yes, observers are welcome.`

## small talk
question-greeting = Hello! Ask me anything about the community — for example “When is the next meeting?” — or write `help` to see the commands.
question-thanks = You’re welcome!
question-loading = I have just started and am still reading the community’s questions and records. Ask me again in a moment.

## answers
answer-other-language = { $language ->
    [ar] This answer is only written in Arabic so far:
   *[en] This answer is only written in English so far:
}
answer-source-faq = FAQ #{ $number }
answer-source-link = source
answer-source-decision = Decision #{ $number } — { $meeting }, { $day }
answer-source-minutes = Minutes of { $meeting }, { $day } — write `minutes { $meeting_number }` for all of them
answer-helped-button = This answered me
answer-escalate-button = Ask a facilitator
answer-thanks = Glad it helped. Thank you for saying so!
answer-gone = That answer is no longer available. Ask your question again, or write `faq` to see the list.
question-unsure = { $count ->
    [one] I am not sure I have the answer. This entry looks close:
   *[other] I am not sure I have the answer. These entries look close:
}
question-no-answer = I have no answer to that yet. A facilitator can help: press “Ask a facilitator”.
question-sent = Nobody has answered this before, so I sent it to { $to ->
    [group] the lead of { $group }
    [you] you (you are the only facilitator)
   *[facilitators] the facilitators
} as question #{ $number }. You will get the answer here.
ticket-opened = Sent to { $to ->
    [group] the lead of { $group }
    [you] you (you are the only facilitator)
   *[facilitators] the facilitators
} as question #{ $number }. You will get the answer here.
ticket-receipt-hint = I will tell you here when someone takes it, answers it or closes it.
ask-usage = Write your question after `ask`, for example `ask Who can attend the plenary?`

## live facts
fact-next-meeting = The next meeting
fact-no-meeting = No meeting is scheduled yet. Facilitators schedule one with `meeting add`.
fact-facilitators = { $count ->
    [one] The community’s facilitator: { $names }.
   *[other] The community’s facilitators: { $names }.
} You can write to them in Teams, or press “Ask a facilitator” under any answer.
fact-no-facilitators = The community has no facilitator yet. An admin can name one with `role @name facilitator`.
fact-agenda-how = Write `agenda add TITLE | DETAILS`, or `agenda add` alone for a form. Items for “{ $meeting }” are taken until { $deadline }; a facilitator then accepts them.
fact-agenda-how-late = Write `agenda add TITLE | DETAILS`, or `agenda add` alone for a form. The deadline for “{ $meeting }” passed on { $deadline }, so a new item goes to the meeting after it.
fact-agenda-how-no-meeting = Write `agenda add TITLE | DETAILS` once a meeting is scheduled; no meeting is coming up yet.

## FAQ entries
faq-version = { $language ->
    [ar] Arabic
   *[en] English
}
faq-added = FAQ #{ $number } added. Members asking something like it now get this answer.
faq-edited = FAQ #{ $number } updated.
faq-removed = FAQ #{ $number } removed; it is no longer given as an answer.
faq-entry = FAQ #{ $number }
faq-list = Frequently asked questions ({ $count })
faq-list-tagged = Frequently asked questions tagged “{ $tag }” ({ $count })
faq-list-empty = No entries yet.
faq-helpful = { $count ->
    [one] helped { $count } person
   *[other] helped { $count } people
}
faq-page = Page { $page } of { $pages } — write `faq list { $next }` for more.
faq-page-unknown = There is no page { $page }: the list has { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}.
faq-manage-hint = Facilitators: `faq add`, `faq edit N`, `faq remove N`; send a .csv or .jsonl file here to import many.
faq-usage = Write `faq` for the list, `faq 3` for one entry, or (facilitators) `faq add QUESTION | ANSWER`, `faq edit 3 …`, `faq remove 3`.
faq-import-how = Send me the file in our 1:1 chat: a .csv or .jsonl with the columns number, question_en, answer_en, question_ar, answer_ar, tags, group, source. Bad lines are listed; the good ones are imported.
faq-export-how = Export runs on the server: `python -m bot faq export faq.csv` (or `faq.jsonl`); the file imports back unchanged.
faq-question-missing = The question is missing. Write `faq add QUESTION | ANSWER`.
faq-answer-missing = The answer is missing. Write `faq add QUESTION | ANSWER`.
faq-too-many-phrasings = An entry can have at most { $limit } phrasings of its question.
faq-question-too-long = A question can be at most { $limit } characters long.
faq-answer-too-long = The answer is too long ({ $length } characters); keep it under { $limit }.
faq-lang-unknown = “{ $given }” is not a language of the FAQ. Use `ar` or `en`.
faq-too-many-tags = An entry can have at most { $limit } tags.
faq-tag-too-long = A tag can be at most { $limit } characters long.
faq-source-invalid = “{ $given }” is not a link. A source starts with https://
faq-field-unknown = “{ $given }” is not a field of an FAQ entry. Use `tags …`, `group …`, `source https://…` or `lang ar|en`.
faq-duplicate = FAQ #{ $number } already has that question. Change it with `faq edit { $number }`.
faq-number-missing = Which entry? Give its number, for example `faq edit 3`.
faq-unknown = There is no FAQ #{ $number }. Write `faq` to see the list.
faq-form = New FAQ entry
faq-form-edit = FAQ #{ $number }
faq-form-question = Question (other phrasings on new lines)
faq-form-question-hint = Fill in one language or both
faq-form-answer = Answer
faq-form-tags = Tags (separated by commas)
faq-form-source = Source link
faq-form-group = Working group
faq-form-submit = Save

## FAQ files
faq-imported = { $name }: { $added ->
    [one] { $added } entry added
   *[other] { $added } entries added
}, { $updated ->
    [one] { $updated } updated
   *[other] { $updated } updated
}.
faq-import-failed = { $count ->
    [one] { $count } line was not imported:
   *[other] { $count } lines were not imported:
}
faq-import-more = … and { $count } more.
faq-import-line = line { $line }: { $problem }
faq-file-kind = I can only import .csv or .jsonl files; “{ $name }” is neither.
faq-file-too-big = The file is too big; the limit is { $limit } KB.
faq-file-not-text = “{ $name }” is not UTF-8 text. Save it as “CSV UTF-8” and send it again.
faq-file-too-many-rows = The file has { $count } rows; at most { $limit } can be imported at once.
faq-file-header = The first line must name the columns (for example question_en, answer_en); it reads “{ $given }”.
faq-file-columns = Unknown columns: { $given }. The columns are: { $known }.
faq-row-unreadable = this line is not a readable row
faq-row-columns = unknown keys: { $given }
faq-row-value = the “{ $column }” value is not text
faq-row-number = “{ $given }” is not an entry number
file-download-failed = I could not download “{ $name }”. Please send it again.
file-not-understood = I only read FAQ files, .csv or .jsonl, and only from facilitators; I did not open “{ $name }”.

## tickets
ticket-asker-label = Asked by
ticket-status-label = Status
ticket-asked-label = Asked
ticket-group-label = Working group
ticket-assignee-label = Taken by
ticket-faq-label = FAQ entry
ticket-status = { $status ->
    [open] Waiting
    [assigned] Taken
    [answered] Answered
   *[closed] Closed
}
ticket-status-line = Status: { ticket-status }
ticket-offered = What Tansiq had offered:
ticket-offered-nothing = Tansiq had nothing close to offer.
ticket-answer-by = Answer from { $name }:
ticket-take-button = I’ll take it
ticket-answer-button = Answer
ticket-answer-label = Your answer (it goes to the member)
ticket-send-button = Send the answer
ticket-faq-button = Save as FAQ
ticket-close-button = Close
ticket-reopen-button = I still need help
ticket-new = Question #{ $number } for you
ticket-back = Question #{ $number } is back: the answer did not help
ticket-still-waiting = { $days ->
    [one] Question #{ $number } has waited { $days } day for an answer
   *[other] Question #{ $number } has waited { $days } days for an answer
}
ticket-card = Question #{ $number }
ticket-taken = You took question #{ $number }.
ticket-answer-sent = Your answer to question #{ $number } was sent.
ticket-closed-now = Question #{ $number } is closed.
ticket-closed-by-asker = You closed your question #{ $number }.
ticket-reopened = Question #{ $number } is open again; the facilitators will see it.
ticket-faq-made = Question #{ $number } is now FAQ #{ $faq_number }.
ticket-thanks = Thank you! Your question #{ $number } is closed.
ticket-answered-asker = Your question #{ $number } has an answer
ticket-assigned-asker = { $name } is looking at your question #{ $number }.
ticket-closed-asker = { $answered ->
    [yes] Your question #{ $number } is closed.
   *[no] Your question #{ $number } was closed without an answer. Ask again, or write to a facilitator, if you still need one.
}
tickets-list = { $title ->
    [open] Questions waiting for an answer
    [mine] Questions you took
   *[all] Latest questions
} ({ $count })
tickets-empty = No question here.
ticket-line = #{ $number } · { $question }
ticket-with = with { $name }
tickets-hint = `ticket N` opens one; `answer N TEXT` answers it.
ticket-question-missing = The question is empty.
ticket-number-missing = Which question? Give its number, for example `ticket 4`.
ticket-unknown = There is no question #{ $number }.
ticket-not-handler = Question #{ $number } is for the facilitators (or its working group’s lead).
ticket-not-waiting = Question #{ $number } is already { ticket-status }.
ticket-answer-missing = Write the answer after the number, for example `answer { $number } Yes, observers are welcome.`
ticket-answer-too-long = The answer is too long ({ $length } characters); keep it under { $limit }.
ticket-closed = Question #{ $number } is closed.
ticket-not-answered = Question #{ $number } has no answer yet.
ticket-faq-exists = Question #{ $number } is already FAQ #{ $faq }.
ticket-not-yours = Only the member who asked question #{ $number } can say whether it helped.
ticket-usage = Write `ticket N`, or `ticket take|close|reopen|faq N`.
answer-usage = Write `answer N TEXT`, for example `answer 4 Yes, observers are welcome.`
tickets-filter-unknown = “{ $given }” is not a list of questions. Use `tickets`, `tickets mine` or `tickets all`.
