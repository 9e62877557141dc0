"""Small statistical models trained from data we may use, shipped as plain arrays and loaded offline.

- ``subevent``: an ACLED sub-event type (or ``NONE``) for a sentence, a linear model over word and
  character n-grams; ``train_subevent`` is the script that fits it.
"""
