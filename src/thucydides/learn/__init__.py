"""Small statistical models trained from data we may use, shipped as plain arrays and loaded offline.

- ``subevent``: an ACLED sub-event type (or ``NONE``) for a sentence, a linear model over word and
  character n-grams; ``train_subevent`` is the script that fits it.
- ``event_place``: which of a sentence's place mentions is where its event happened, a logistic
  regression over parse facts (prepositions, dependency path, actor modifiers, containment);
  ``train_event_place`` is the script that fits it.
- ``resolver``: which gazetteer entry a place name means, a logistic regression over features of
  each candidate (``geoparse/resolve.py``), weights in ``resolver.json``; ``train_resolver`` fits it.
"""
