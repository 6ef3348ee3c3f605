"""E-mail as a second channel: what each member also receives by e-mail, and the e-mail copies of outbox rows."""
