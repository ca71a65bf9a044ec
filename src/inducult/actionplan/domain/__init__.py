"""Pure rules of the action plan (no Django): lateness, the calendar's entries, funding matching."""
