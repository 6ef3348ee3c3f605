"""Announcements: a facilitator's message to the channel or a working group, in 1:1 chats and by e-mail."""
