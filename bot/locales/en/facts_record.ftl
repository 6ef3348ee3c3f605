## live facts: the record — decisions and minutes

## where a decision taken without a meeting comes from (under an answer)
answer-source-decision-endorsed = Decision #{ $number } — endorsed by the members on { $day }
answer-source-decision-poll = Decision #{ $number } — the result of a members’ poll, { $day }
answer-source-decision-outside = Decision #{ $number } — recorded outside a meeting on { $day }

## what the last meeting decided
fact-last-decisions = { $count ->
    [one] Decided at { $meeting } on { $day }:
   *[other] The { $count } decisions of { $meeting } on { $day }:
}
fact-last-decisions-earlier = The minutes of the last meeting, { $pending } on { $pending_day }, are not published yet. { $count ->
    [one] Decided at the meeting before, { $meeting } on { $day }:
   *[other] The { $count } decisions of the meeting before, { $meeting } on { $day }:
}
fact-no-meeting-held = No meeting has been held yet, so no meeting has decided anything.
fact-last-minutes-unpublished = The minutes of the last meeting, { $meeting } on { $day }, are not published yet. Its decisions can be read here once they are.
fact-no-decisions-recorded = No decision was recorded at the last meeting, { $meeting } on { $day }. Its minutes: `minutes { $number }`.

## what was decided about a topic
fact-decisions-about = { $count ->
    [one] The decision closest to “{ $topic }”:
   *[other] The decisions closest to “{ $topic }”:
}
fact-no-decision-about = I found no recorded decision about “{ $topic }”. A facilitator can tell you more: write `ask` and your question.
fact-decisions-about-what = Which topic do you mean? Ask for example “What did we decide about the terms of reference?”

## what the minutes say about a topic
fact-minutes-about = { $count ->
    [one] What the published minutes say about “{ $topic }”:
   *[other] What the published minutes of { $count } meetings say about “{ $topic }”:
}
fact-no-minutes-about = The published minutes you can read say nothing I could find about “{ $topic }”.
fact-minutes-about-what = Which topic do you mean? Ask for example “What did the minutes say about the flood response?”
