## Shared words
role-name = { $role ->
    [admin] admin
    [facilitator] facilitator
   *[member] member
}
lang-name = { $lang ->
    [ar] Arabic
    [en] English
   *[auto] automatic (from Teams)
}
guest-mark = (guest)

## help
help-title = What you can ask Tansiq
help-intro = You are { $gender ->
   *[other] { $role ->
        [admin] an admin
        [facilitator] a facilitator
       *[member] a member
    }
} of this community. What you will use most (write it with or without “/”):
help-cmd-help = **help** — the everyday commands, and every command by topic. Example: `help` · `help meetings` · `help minutes`
help-cmd-lang = **lang** — choose Arabic or English. Example: `lang ar`
help-cmd-tz = **tz** — your time zone for dates and reminders: a city, a country or an Area/City name. Example: `tz Amman`
help-cmd-whoami = **whoami** — what Tansiq knows about you. Example: `whoami`
help-cmd-members = **members** — who is in the community. Example: `members`
help-cmd-role = **role** — make someone a facilitator or a member. Example: `role @Omar facilitator`
help-cmd-privacy = **privacy** — what Tansiq stores about you, why, who sees it and for how long; facilitators: `privacy review` (who can see what); admins: `privacy retention audit 365`. Example: `privacy`
help-cmd-audit = **audit** — who changed what, with the values before and after (facilitators). Example: `audit @Omar since 1 November` · `audit actions`
help-cmd-forget = **forget me** — erase what Tansiq stores about you (after you confirm); admins: `forget NAME` for someone who left. Example: `forget me`
help-cmd-mydata = **mydata** — everything Tansiq stores about you: a summary, and a link to download all of it (JSON). Example: `mydata`
help-footer = Everything else is under the topics below, or write `help meetings`. Anything else you write is a question for the community.
help-topic-title = Help: { $topic ->
    [meetings] meetings
    [agenda] the agenda
    [actions] action points
    [questions] questions
    [groups] working groups and the plan
    [votes] votes
   *[settings] you and your settings
}
help-topic-intro = What you can do here as { $gender ->
   *[other] { $role ->
        [admin] an admin
        [facilitator] a facilitator
       *[member] a member
    }
}:
help-topic-footer = `help` shows the everyday commands again.
help-topic-button = { $topic ->
    [meetings] Meetings
    [agenda] Agenda
    [actions] Actions
    [questions] Questions
    [groups] Groups
    [votes] Votes
   *[settings] Settings
}
help-everyday-button = Everyday
help-topic-unknown = I have no help on “{ $given }”. The topics: meetings, agenda, actions, questions, groups, votes, settings — for example `help meetings`, or a command: `help minutes`.
help-switch-ar = العربية
help-switch-en = English

## lang
lang-choose = Which language should Tansiq use with you?
lang-set = Done: Tansiq will answer you in { lang-name }.
lang-unknown = “{ $given }” is not a language Tansiq speaks. Write `lang ar` for Arabic or `lang en` for English.

## tz
tz-current = Your times are shown in { $zone }. To change it, write for example `tz Amman` or `tz Tunisia`.
tz-set = Done: your times are now shown in { $zone }.
tz-unknown = “{ $given }” is not a time zone Tansiq knows. Give a city or a country, for example `tz Amman` or `tz Tunisia`, or an Area/City name such as `tz Africa/Cairo`.

## whoami
whoami = **{ $name }** — { role-name } of { $community }.
    Language: { lang-name } · Time zone: { $zone } · Form of address: { address-name } (`address me`)
    Working groups: { $group_count ->
        [0] none yet
       *[other] { $groups }
    }

## members
members-title = { $count ->
    [one] The community has { $count } member
   *[other] The community has { $count } members
}
members-page = Page { $page } of { $pages } — write `members { $next }` for more.
members-page-unknown = There is no page { $page }: the list has { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}.

## role
role-set = { $name } is now a { role-name }.
role-unchanged = { $name } is already a { role-name }.
role-usage = Say who and which role, for example `role @Omar facilitator` or `role @Omar member`.
role-unknown-value = “{ $given }” is not a role. Use `facilitator` or `member`.
role-not-self = You cannot change your own role; ask another facilitator.
role-admin-fixed = { $name } is an admin; admins are set when Tansiq is installed or in its settings.
member-not-found = No active member called “{ $name }”. Check the name with `members`, or @mention them.
member-ambiguous = { $count } members match “{ $name }”. @mention the one you mean.

## refusals and mistakes
not-facilitator = Sorry, only facilitators can do that. Write `help` to see what you can do.
visible-in-private-chat = That one is for a working group or the facilitators, and everyone here would read my answer. Ask me in our 1:1 chat.
group-members-only = Only members of “{ $group }” can do that for the group. Ask a facilitator to add you, or leave the group out.
unknown-command = “{ $given }” is not a Tansiq command. Write `help` to see the commands.
unknown-command-suggest = “{ $given }” is not a Tansiq command. Did you mean `{ $suggestion }`?
empty-message = Your message was empty. Write `help` to see what Tansiq can do.
text-too-long = Your message is too long ({ $length } characters); please keep it under { $limit } characters.
card-data-invalid = Tansiq could not read that card’s answer. Please write the command instead, or `help`.
already-handled = Done already: Tansiq had received this once.
turn-error = Sorry, something went wrong on Tansiq’s side. Please try again; if it happens again, tell a facilitator (reference { $error_id }).
busy-try-again = Tansiq is busy with many requests right now, and nothing was changed. Please try again in a moment.

## strangers (sent in both languages, the sender is unknown)
stranger = This is the private assistant of a closed community. You are not on its member list, so it cannot help you here. If you should be a member, ask a facilitator to add you to the team.
foreign-tenant = This assistant only serves its own organisation’s community; it cannot be used here.
group-chat-outsiders = This chat includes people who are not members of the community, so Tansiq shares nothing here. Write to Tansiq in the community's channel or in a 1:1 chat.
not-installed = Tansiq is not set up in this team. A team owner can add it from the Teams apps.

## welcome
welcome-team = Hello! I am Tansiq, the assistant of { $community }. I collect agenda items, record action points and post meeting reminders. Mention me with `help` to see what I can do.
welcome-personal = Hello { $name }! I am Tansiq, your community’s assistant. { $gender ->
   *[other] Write `help` to see what I can do, or `lang ar` to talk in Arabic.
}

## size: Teams takes messages up to a size
message-shortened = This message was too long for Teams, so its end is not shown.
members-page-usage = “{ $given }” is not a page of the list: it has { $pages ->
    [one] one page, so write just `members`
   *[other] { $pages } pages, from `members 1` to `members { $pages }`
}.
members-more-button = Next page ({ $next } of { $pages })
forget-confirm = Erase { $name }'s data? Nothing happens until you press the button.
forget-title = Erase the data of { $name }?
forget-removes = Removed: the name, e-mail, Microsoft and Teams ids, language, time zone, working-group places, messages still waiting, and every mention of the name in others' texts.
forget-keeps = Kept, as “Former member”: agenda items, actions, decisions, minutes, answers to questions and votes (anonymous ones stay anonymous), so the community's records and counts stay whole. This cannot be undone.
forget-cancel-hint = Changed your mind? Just ignore this card.
forget-button = Erase this data
forget-done = Done: the personal data is erased. In shared records the person now appears as “Former member”.
forget-admins-only = Only admins can erase someone else's data, and only once they have left. To erase your own, write `forget me`.
forget-still-member = { $name } is still a member: they can erase their own data with `forget me`; admins erase the data of people who have left.
forget-already-done = That data was erased already.
forget-who = No one called “{ $name }” is on this community's roster, past or present. `members` lists the current ones.
privacy = What Tansiq stores about you, and who sees it.
privacy-title = Your data in { $community }
privacy-stored-head = What I keep about you
privacy-stored = Your name, your Microsoft and Teams ids, { $email ->
    [yes] your e-mail address,
   *[other] (no e-mail: Teams did not give me one),
} your role, and your language and time zone (from Teams, or as you set them).
privacy-activity-head = What you do here
privacy-activity = The agenda items you propose, the actions you own, your votes (in an anonymous poll nobody can see who voted what), the questions you ask and the history of changes: who changed what, and when.
privacy-why-head = Why
privacy-why = Only to run { $community }'s coordination: meetings, agenda, action points, reminders and answers. Nothing leaves this community.
privacy-who-head = Who sees it
privacy-who = Everyone in the community sees community-wide items; a working group's items only its members; confidential items only the facilitators; what you ask me in our 1:1 chat only you and, for questions you send them, the facilitators. { $admins ->
    [none] {""}
   *[other] Admins: { $admins }.{" "}
}{ $facilitators ->
    [one] One facilitator.
   *[other] { $facilitators } facilitators.
}
privacy-groups-head = Your working groups
privacy-no-groups = None yet.
privacy-how-long-head = For how long
privacy-how-long = As long as you are a member, and in the community's records after you leave, until you or an admin erase it (`forget me` removes your name and ids everywhere and leaves “Former member” in shared records). Some records go sooner:
privacy-kept-kind = { $kind ->
    [reminders] Messages I sent you
    [questions] Who asked a question (after it is closed)
    [tickets] Closed questions
   *[audit] History of changes
}
privacy-kept-days = { $days ->
    [0] kept for ever
    [one] one day
   *[other] { $days } days
}
privacy-answers-not-kept = The questions I answer myself are not kept. `mydata` gives you a copy of everything.
privacy-mydata-button = Download my data
privacy-admins-only = Only the community's admins change the privacy settings. `privacy` shows them.
privacy-retention-usage = Write `privacy retention <kind> <days>`: the kind is reminders, questions, tickets or audit, and `forever` keeps them. Example: `privacy retention audit 365`
privacy-retention-set = { $kind ->
    [reminders] Messages sent
    [questions] Who asked a question
    [tickets] Closed questions
   *[audit] History entries
} { $days ->
    [0] are now kept for ever.
    [one] are now kept for one day.
   *[other] are now kept for { $days } days.
} Older ones are removed within the hour.
privacy-review-usage = Write `privacy review every <months>` (1 to 120), or `privacy review every never`. Example: `privacy review every 12`
privacy-review-set = { $months ->
    [0] The facilitators will no longer be reminded to review the sharing settings.
    [one] The facilitators will be reminded to review the sharing settings every month.
   *[other] The facilitators will be reminded to review the sharing settings every { $months } months.
}
mydata = Everything I keep about you.
mydata-title = What I keep about { $name }
mydata-intro = Your profile (name, ids, e-mail, role, language, time zone), and:
mydata-section = { $section ->
    [groups] Working groups
    [agenda_items] Agenda items you proposed or present
    [actions] Actions you own or created
    [action_notes] Your notes on actions
    [votes] Your answers to votes
    [proposals] Votes you started
    [decisions] Decisions you recorded
    [faq_entries] FAQ entries you wrote
    [questions] Questions you sent
    [meetings_attended] Meetings you attended
    [registrations] Meetings you registered for
    [bulletin_notes] Bulletin paragraphs you wrote
    [mail_choices] What you receive by e-mail
    [audit] History entries by or about you
   *[messages] Messages to you
}
mydata-count = { $count }
mydata-link-note = The link is yours alone and works for { $hours } hours. It downloads a JSON file; in an anonymous poll it says only that you answered.
mydata-download = Download (JSON)
mydata-no-link = This bot has no address for downloads yet (PUBLIC_BASE_URL): ask an admin.
mydata-sent-privately = I have sent it to our 1:1 chat: what I keep about you is for you alone.
sharing-review = Who can see what in this community.
sharing-review-due = It is time for the periodic review: is this still who should see what?
sharing-review-title = Sharing settings of { $community }
sharing-review-rule = Community-wide items: everyone, guests included. A working group's items: its members. Confidential items: facilitators and admins. What concerns a person: that person too.
sharing-review-members = Members
sharing-review-admins = Admins
sharing-review-facilitators = Facilitators
sharing-review-guests = Guests
sharing-review-confidential = Confidential items and decisions
sharing-review-nobody = nobody
sharing-review-groups-head = { $count ->
    [0] No working groups
    [one] One working group
   *[other] { $count } working groups
}
sharing-review-group-members = { $count ->
    [0] no members
    [one] one member
   *[other] { $count } members
}
sharing-review-when = { $months ->
    [0] No periodic review.
    [one] Reviewed every month.
   *[other] Reviewed every { $months } months.
} Last reviewed: { $last }.
sharing-review-never = never
sharing-review-how-to-change = To change: `role @name member` · `privacy retention audit 365` · `privacy review every 12`.
sharing-review-done-button = Reviewed: nothing to change
sharing-reviewed = Thank you: the review is recorded. The next reminder comes on { $day }.
sharing-reviewed-no-next = Thank you: the review is recorded.
privacy-forget-button = Erase my data…
privacy-first-turn = Tansiq keeps your name, your Teams ids and what you do here to run { $community }'s coordination, and nothing else. `privacy` tells you more; `forget me` erases it.
audit = The audit: { $count } entries.
audit-title = { $count ->
    [one] One change
   *[other] { $count } changes
}{ $member ->
    [none] {""}
   *[other] {" "}by or about { $member }
}, newest first
audit-since = Since { $day }
audit-empty = Nothing was changed that matches.
audit-by-tansiq = Tansiq
audit-change = { $before } → { $after }
audit-page = Page { $page } of { $pages }.
audit-older-button = Older changes
audit-usage = Write `audit`, or narrow it: `audit @Omar`, `audit actions`, `audit since 1 November`, `audit agenda since last Monday`.
audit-page-unknown = There is no page { $page }: the audit has { $pages } now. Write `audit` again.
audit-action = { $action ->
    [agenda-added] proposed an agenda item
    [agenda-accept] accepted an agenda item
    [agenda-defer] deferred an agenda item
    [agenda-remove] removed an agenda item
    [agenda-ordered] ordered the agenda
    [action-created] recorded an action
    [action-done] marked an action done
    [action-progress] reported progress
    [action-blocked] marked an action blocked
    [action-due] changed a due date
    [action-reassign] reassigned an action
    [action-cancel] cancelled an action
    [action-plan] linked an action to the plan
    [meeting-created] planned a meeting
    [meeting-moved] moved a meeting
    [meeting-cancelled] cancelled a meeting
    [meeting-occurrence-cancelled] cancelled one meeting of a series
    [meeting-closed] closed a meeting
    [decision-added] recorded a decision
    [minutes-edited] edited minutes
    [minutes-published] published minutes
    [member-role] changed a role
    [member-language] changed a language
    [member-timezone] changed a time zone
    [member-erased] erased a member's data
    [roster-sync] updated the roster from Teams
    [roster-remove] removed members who left
    [group-created] created a working group
    [group-edited] changed a working group
    [group-joined] joined a working group
    [group-left] left a working group
    [group-lead] named a group's lead
    [group-closed] closed a working group
    [faq-added] added a FAQ entry
    [faq-edited] edited a FAQ entry
    [faq-removed] removed a FAQ entry
    [faq-imported] imported FAQ entries
    [ticket-opened] asked the facilitators
    [ticket-assigned] took a question
    [ticket-answered] answered a question
    [ticket-closed] closed a question
    [ticket-reopened] reopened a question
    [ticket-faq] made a question a FAQ entry
    [proposal-opened] opened a vote
    [proposal-answered] answered a vote
    [proposal-closed] closed a vote
    [plan-added] added a plan objective
    [plan-edited] changed a plan objective
    [plan-removed] removed a plan objective
    [community-install] installed Tansiq
    [community-reminder_settings] changed the reminder settings
    [community-minutes_approvals] changed the minutes approvals
    [community-retention] changed how long records are kept
    [community-sharing_review] changed how often sharing is reviewed
    [community-sharing_reviewed] reviewed the sharing settings
    [retention-purged] removed records past their retention
   *[other] { $action }
}
audit-object = { $type ->
    [agenda_item] item #{ $id }
    [action] action #{ $id }
    [meeting] meeting #{ $id }
    [meeting_occurrence] meeting date #{ $id }
    [decision] decision #{ $id }
    [member] member #{ $id }
    [working_group] group #{ $id }
    [faq_entry] FAQ #{ $id }
    [ticket] question #{ $id }
    [proposal] vote #{ $id }
    [plan_objective] objective #{ $id }
    [community] the community
   *[other] { $type } { $id }
}
audit-field = { $field ->
    [status] status
    [text] text
    [title] title
    [start] start
    [summary] summary
    [due_on] due
    [owners] owners
    [role] role
    [timezone] time zone
    [language] language
    [lead] lead
    [members] members
    [added] added
    [deactivated] left
    [reactivated] back
    [question] question
    [answer] answer
    [assignee] taken by
    [approvers] approved by
    [minutes_approvals] approvals needed
    [order] order
    [series] series
    [closed_at] closed
    [tags] tags
    [source] source
    [versions] versions
    [number] number
    [group_id] group
    [objective] objective
    [tenant_id] tenant
    [team_id] team
    [installer] installed by
    [occurrence] meeting date
    [kind] kind
    [starts_at] starts
    [rrule] repeats
    [zone] time zone
    [quiet] quiet hours
    [weekend] weekend
    [digest] digest
    [link] link
    [place] place
    [duration_minutes] minutes long
   *[other] { $field }
}
