"""Meeting registration: members register for meetings that ask them to (interpretation, accessibility notes)."""
