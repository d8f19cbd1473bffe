"""Russian and Belarusian front end: tokens, names, triggers, counts and dates as declared data."""
