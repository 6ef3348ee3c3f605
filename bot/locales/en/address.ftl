## form of address (address me): the member's own choice; Teams says nothing about it
## $gender: m, f, anything else: neutral. English wording does not change with it; Arabic does.
help-cmd-address = **address me** — how Tansiq speaks to and about you in Arabic: masculine, feminine or neutral. Example: `address me she` · `address me neutral`
address-name = { $gender ->
    [m] masculine (he)
    [f] feminine (she)
   *[other] neutral
}
address-current = Tansiq’s Arabic replies address you in the { address-name } form. To change it: `address me he`, `address me she` or `address me neutral`.
address-set = Done: Tansiq’s Arabic replies will address you in the { $gender ->
    [m] masculine
    [f] feminine
   *[other] neutral
} form.
address-unknown = “{ $given }” is not a form of address. Write `address me he`, `address me she` or `address me neutral`.
role-title = { $gender ->
   *[other] { $role ->
        [admin] admin
        [facilitator] facilitator
       *[member] member
    }
}
address-assigned-to-you = { $gender ->
   *[other] assigned to you
}
