## help
help-cmd-announce = **announce** — a facilitator's announcement: posted in the channel (and sent to the 1:1 chats of those who chose that with `notify announcements chat on`), or with `| group <name>` sent to that working group's members (and the facilitators) in their 1:1 chats; with `| email` also e-mailed to those who chose announcements by e-mail. Example: `announce The plenary moves to Amman on 10 December | email` · `announce Bring the water-point maps | group WASH Aleppo`

## the announcement (channel post, 1:1 message, e-mail); $by: the facilitator's name
announcement-headline = Announcement from { $by }
announcement-for-group = For the working group { $group }

## the announce command's answers
announcement-sent = { $where ->
    [group] { $count ->
        [one] Sent to 1 person in their 1:1 chat: the members of “{ $group }” and the facilitators.
       *[other] Sent to { $count } people in their 1:1 chats: the members of “{ $group }” and the facilitators.
    }
   *[channel] Posted in the channel.{ $chat ->
        [0] {""}
        [one] {" "}Also sent to the 1 person who chose announcements in their 1:1 chat.
       *[other] {" "}Also sent to the { $chat } people who chose announcements in their 1:1 chat.
    }
}{ $email ->
    [true] { $mailed ->
        [0] {" "}No one it went to has chosen announcements by e-mail yet.
        [one] {" "}Also e-mailed to the 1 person who chose announcements by e-mail.
       *[other] {" "}Also e-mailed to the { $mailed } people who chose announcements by e-mail.
    }
   *[false] {""}
}
announcement-usage = Write the announcement after `announce`, e.g. `announce The plenary moves to Amman | email`. Add `| group <name>` to send it to one working group only.
announcement-too-long = The announcement has { $length } characters: { $limit } at most. Shorten it and send it again.
announcement-group-unknown = There is no open working group called “{ $name }”. Write `groups` to see their names, or leave out `| group` to post in the channel.
