"""What the synthetic stores of the benchmarks are made of (``bench_fuse.py``, ``bench_api.py``):
sub-event types, sides and outlets of a war like Syria's."""

TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
]
ACTORS = [
    "Military Forces of Syria",
    "Military Forces of Russia",
    "Islamic State (Syria)",
    "Jabhat Fateh al-Sham",
]
OUTLETS = ["Fars", "SANA", "SOHR", "Reuters", "AFP", "Al-Masdar", "Orient", "Enab Baladi"]
