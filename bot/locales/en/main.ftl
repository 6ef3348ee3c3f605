## Shared words
role-name = { $role ->
    [admin] admin
    [facilitator] facilitator
   *[member] member
}
role-name-accusative = { $role ->
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
help-intro = You are { $role ->
    [admin] an admin
    [facilitator] a facilitator
   *[member] a member
} of this community. Write a command, with or without “/”:
help-cmd-help = **help** — the commands you can use. Example: `help`
help-cmd-lang = **lang** — choose Arabic or English. Example: `lang ar`
help-cmd-tz = **tz** — your time zone for dates and reminders: a city, a country or an Area/City name. Example: `tz Amman`
help-cmd-whoami = **whoami** — what Tansiq knows about you. Example: `whoami`
help-cmd-members = **members** — who is in the community. Example: `members`
help-cmd-role = **role** — make someone a facilitator or a member. Example: `role @Omar facilitator`
help-footer = Anything else you write is a question for the community.
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
    Language: { lang-name } · Time zone: { $zone }
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
welcome-personal = Hello { $name }! I am Tansiq, your community’s assistant. Write `help` to see what I can do, or `lang ar` to talk in Arabic.

## size: Teams takes messages up to a size
message-shortened = This message was too long for Teams, so its end is not shown.
members-page-usage = “{ $given }” is not a page of the list: it has { $pages ->
    [one] one page, so write just `members`
   *[other] { $pages } pages, from `members 1` to `members { $pages }`
}.
members-more-button = Next page ({ $next } of { $pages })
