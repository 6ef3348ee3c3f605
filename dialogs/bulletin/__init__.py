"""The monthly bulletin: a bilingual summary of the past month, posted in the channel on a set day."""
