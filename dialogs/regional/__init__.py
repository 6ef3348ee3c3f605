"""A calendar that knows the region: Hijri dates, each member's weekend, working hours and public holidays, Ramadan."""
