"""Business actions on sites, events, photos and the exhibition, and the reads the pages need."""
