## e-mail as a second channel: `notify`, the mails, the unsubscribe page

help-cmd-notify = **notify** — what you also receive by e-mail (announcements, invitations, digest and bulletin, reminders to you); nothing until you choose. Example: `notify` · `notify nudges on` · `notify digest off` · `notify all off` · `notify announcements chat on` (announcements also in your 1:1 chat with Tansiq)
notify-choices = { $changed ->
    [true] Saved. What you receive by e-mail, besides Teams:
   *[other] What you receive by e-mail, besides Teams:
}
notify-topic-announcements = Announcements
notify-topic-invitations = Meeting invitations (calendar)
notify-topic-digest = Weekly digest and monthly bulletin
notify-topic-nudges = Reminders to you (your actions, meetings, minutes)
notify-on = by e-mail
notify-off = Teams only
notify-in-chat = Announcements also in my 1:1 chat with Tansiq
notify-in-chat-on = yes
notify-in-chat-off = no (in the channel only)
notify-address = E-mails go to { $email }.
notify-no-address = Tansiq knows no e-mail address of yours, so it sends you nothing by e-mail.
notify-how = Change it with the switches, or write `notify nudges on`, `notify all off`, `notify announcements chat on`.
notify-save = Save
notify-usage = Write `notify` to see your choices, or a kind and on/off: `notify nudges on`, `notify digest off`, `notify all off` (kinds: announcements, invitations, digest, nudges). For announcements also in your 1:1 chat with Tansiq: `notify announcements chat on` or `off`.
notify-no-email = Tansiq knows no e-mail address of yours, so it cannot e-mail you. Your Teams profile gives it; until then, everything reaches you in Teams.
notify-private = Your e-mail choices and address are yours alone: write `notify` in our 1:1 chat.

mail-why = You receive this e-mail because you chose “{ $topic }” by e-mail in Tansiq ({ $community }).
mail-unsubscribe = Stop these e-mails
mail-change = To choose again, write `notify` to Tansiq in Teams.
mail-unsubscribe-confirm-title = Stop these e-mails?
mail-unsubscribe-confirm = Press the button to stop receiving “{ $topic }” by e-mail. Nothing changes until you do.
mail-unsubscribe-button = Stop these e-mails
mail-unsubscribed-title = E-mails stopped
mail-unsubscribed = You will no longer receive “{ $topic }” by e-mail.
mail-link-invalid-title = Link not valid
mail-link-invalid = This link is not valid or has expired. Write `notify` to Tansiq in Teams to change your e-mails.
