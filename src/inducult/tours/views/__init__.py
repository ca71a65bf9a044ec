"""The tour planner's pages: the public planner and published tours, and publishing from the back office."""
