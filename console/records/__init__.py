"""Qt-free logic of the records pages: registry, enforcement, emergency, duty."""
