"""pressroom: crawl People's Daily and State Council releases, land raw pages, parse, load."""

__version__ = "0.1.0"
