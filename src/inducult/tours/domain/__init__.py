"""The tour planner's pure rules: a visitor's day from the sites' hours and wishes, and estimated travel times."""
