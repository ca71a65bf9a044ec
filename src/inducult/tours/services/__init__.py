"""The tour planner's reads and actions: the day's visitor sites, travel-time matrices, publishing a tour."""
