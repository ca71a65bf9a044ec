"""Actions on the action plan and the funding catalogue, the matcher's facts and the private calendar feeds."""
